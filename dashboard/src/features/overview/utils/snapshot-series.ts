import { addDays, daysBetween, type SnapshotListItem } from '@handover/shared';

/** `readiness` in whole percentage points (0–100): the chart's axis counts in whole numbers. */
export type TrendRow = { weekStart: string; readiness: number; approximate: boolean };
export type SlipRow = { weekStart: string; projected: number | null; projectedDate: string | null; approximate: boolean };

/** The weekly snapshots, oldest first (the API lists newest first); manual and final ones are not weeks. */
const weeklyOldestFirst = (snapshots: SnapshotListItem[]) =>
  snapshots.filter((s): s is SnapshotListItem & { weekStart: string } => s.kind === 'weekly' && s.weekStart !== null).reverse();

/** Readiness week by week, from the weekly snapshots (docs/domain.md#status-on-the-dashboard). */
export const trendRows = (snapshots: SnapshotListItem[]): TrendRow[] =>
  weeklyOldestFirst(snapshots).map((s) => ({ weekStart: s.weekStart, readiness: Math.round(s.summary.readiness.score * 100), approximate: s.approximate }));

/**
 * The projected exit date each week stood at, as days from `origin` so the chart's numeric axis can
 * draw it (its ticks turn the days back into dates with `dayToDate`). A week without a date (or a
 * snapshot taken before the exit forecast existed) leaves a gap.
 */
export function slipRows(snapshots: SnapshotListItem[], origin: string): SlipRow[] {
  return weeklyOldestFirst(snapshots).map((s) => {
    const date = s.summary.exitForecast?.projectedExitDate ?? null;
    return { weekStart: s.weekStart, projected: date === null ? null : daysBetween(origin, date), projectedDate: date, approximate: s.approximate };
  });
}

export const dateToDay = (origin: string, date: string) => daysBetween(origin, date);
export const dayToDate = (origin: string, day: number) => addDays(origin, Math.round(day));

/** How far the projected exit moved between the first and the last dated week, in days (positive: later). */
export function slipDays(rows: SlipRow[]): number | null {
  const dated = rows.flatMap((r) => (r.projected === null ? [] : [r.projected]));
  const first = dated[0];
  const last = dated.at(-1);
  return first !== undefined && last !== undefined && dated.length > 1 ? last - first : null;
}
