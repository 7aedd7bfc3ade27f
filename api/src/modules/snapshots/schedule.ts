import { addDays, DEFAULT_DIGEST_AT, DEFAULT_SNAPSHOT_AT, mondayOf, parseWeeklyAt, utcDate, type WeeklyAt } from '@handover/shared';

/**
 * When the weekly jobs run (`WeeklyAt`, parsed from `SNAPSHOT_AT` / `DIGEST_AT` by the shared
 * `parseWeeklyAt`). Each run reports on the week (Monday to Sunday) that ended before it: the run in
 * the week starting Monday M is for the week starting M − 7 days, whichever weekday it is set to.
 */
export { DEFAULT_DIGEST_AT, DEFAULT_SNAPSHOT_AT, parseWeeklyAt, type WeeklyAt };

/** The instant `at` falls on in the week starting Monday `weekStart`. */
export function occurrenceInWeek(weekStart: string, at: WeeklyAt): Date {
  const day = addDays(weekStart, at.weekday - 1);
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), at.hour, at.minute));
}

/** Whether this week's run of `at` has come (now is at or after it). */
export function isDue(now: Date, at: WeeklyAt): boolean {
  return now.getTime() >= occurrenceInWeek(mondayOf(utcDate(now)), at).getTime();
}

/** The Monday of the latest week whose run is due at `now`: last week once this week's run time has passed, else the week before. */
export function latestDueWeek(now: Date, at: WeeklyAt): string {
  const thisMonday = mondayOf(utcDate(now));
  return addDays(thisMonday, isDue(now, at) ? -7 : -14);
}

/** The date a weekly snapshot's summary is taken as of: the Sunday that ends its week. */
export function weekEnd(weekStart: string): string {
  return addDays(weekStart, 6);
}

/** At most this many weeks are rebuilt from history (two years). */
export const MAX_BACKFILL_WEEKS = 104;

/**
 * The weeks (Mondays, oldest first) whose weekly snapshot is due and missing, for a plan whose
 * latest weekly snapshot is `lastTakenWeekStart`. Weeks before the plan's first week never count.
 * The scheduler takes only the latest due week: after downtime it catches up that week at start,
 * and older missed weeks wait for a backfill (`backfill: true` lists every week after the last
 * one taken, at most MAX_BACKFILL_WEEKS).
 */
export function dueWeeklySnapshots(
  now: Date,
  lastTakenWeekStart: string | null,
  planStart: string,
  options: { at?: WeeklyAt; backfill?: boolean } = {},
): string[] {
  const latest = latestDueWeek(now, options.at ?? parseWeeklyAt(DEFAULT_SNAPSHOT_AT));
  const firstWeek = mondayOf(planStart);
  if (latest < firstWeek || (lastTakenWeekStart !== null && lastTakenWeekStart >= latest)) return [];
  if (!options.backfill) return [latest];
  const after = lastTakenWeekStart === null ? firstWeek : addDays(mondayOf(lastTakenWeekStart), 7);
  return missingWeeks(after < firstWeek ? firstWeek : after, latest, new Set());
}

/**
 * The weeks from `firstWeek` to `latestWeek` (Mondays) that are not in `taken`, oldest first, looking
 * back at most MAX_BACKFILL_WEEKS weeks from `latestWeek`.
 */
export function missingWeeks(firstWeek: string, latestWeek: string, taken: ReadonlySet<string>): string[] {
  const weeks: string[] = [];
  let week = latestWeek;
  for (let looked = 0; looked < MAX_BACKFILL_WEEKS && week >= firstWeek; looked += 1, week = addDays(week, -7)) {
    if (!taken.has(week)) weeks.push(week);
  }
  return weeks.reverse();
}
