import { PHASES, type Milestone, type Phase } from '@handover/shared';
import { isOverdue, sortMilestones } from './milestones';

/**
 * The timeline's geometry, shaped here (not in JSX) so it is unit-tested. Milestones have no start
 * date: a bar starts at the latest due date of the milestones it depends on, else at the plan's
 * start (docs/domain.md#milestones-timeline); a start after the due date collapses to the due date.
 */
export type BarState = 'done' | 'overdue' | 'in_progress' | 'blocked' | 'planned';

export type TimelineBar = {
  milestone: Milestone;
  start: string;
  /** How the start was found: a dependency's due date, or the plan's start. */
  startFrom: 'dependency' | 'plan';
  due: string;
  baseline: string | null;
  state: BarState;
  row: number;
};

export type TimelinePhase = { phase: Phase; row: number; bars: TimelineBar[] };
export type TimelineArrow = { from: TimelineBar; to: TimelineBar };

export type Timeline = {
  phases: TimelinePhase[];
  bars: TimelineBar[];
  arrows: TimelineArrow[];
  /** The first and last day drawn (today, baselines and the plan's start included). */
  min: string;
  max: string;
  rows: number;
};

const DAY = 86_400_000;
export const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

export function barState(m: Pick<Milestone, 'status' | 'dueDate'>, today: string): BarState {
  if (m.status === 'done') return 'done';
  if (isOverdue(m, today)) return 'overdue';
  return m.status;
}

/** Bars by phase (each phase a header row, then its milestones by due date), and one arrow per dependency. */
export function buildTimeline(milestones: Milestone[], planStart: string, today: string): Timeline {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const phases: TimelinePhase[] = [];
  const bars: TimelineBar[] = [];
  let row = 0;
  for (const phase of PHASES) {
    const inPhase = sortMilestones(milestones.filter((m) => m.phase === phase));
    if (inPhase.length === 0) continue;
    const entry: TimelinePhase = { phase, row: row++, bars: [] };
    for (const m of inPhase) {
      const depDues = m.dependsOn.map((id) => byId.get(id)?.dueDate).filter((d): d is string => !!d);
      const latestDep = depDues.length ? depDues.reduce(maxDate) : null;
      const start = minDate(latestDep ?? planStart, m.dueDate);
      const bar: TimelineBar = {
        milestone: m,
        start,
        startFrom: latestDep ? 'dependency' : 'plan',
        due: m.dueDate,
        baseline: m.baselineDueDate,
        state: barState(m, today),
        row: row++,
      };
      entry.bars.push(bar);
      bars.push(bar);
    }
    phases.push(entry);
  }
  const barOf = new Map(bars.map((b) => [b.milestone.id, b]));
  const arrows = bars.flatMap((to) =>
    to.milestone.dependsOn.map((id) => barOf.get(id)).filter((from): from is TimelineBar => !!from).map((from) => ({ from, to })),
  );
  const dates = [planStart, today, ...bars.flatMap((b) => [b.start, b.due, ...(b.baseline ? [b.baseline] : [])])];
  return { phases, bars, arrows, min: dates.reduce(minDate), max: dates.reduce(maxDate), rows: row };
}

/** A linear scale from days to pixels, padded a week on each side so no bar touches the edge. */
export function dateScale(min: string, max: string, left: number, width: number) {
  const from = dayNumber(min) - 7;
  const to = dayNumber(max) + 7;
  return (date: string) => left + ((dayNumber(date) - from) / (to - from)) * width;
}

/** The first day of each month between min and max, for the axis. */
export function monthTicks(min: string, max: string): string[] {
  const ticks: string[] = [];
  let y = Number(min.slice(0, 4));
  let m = Number(min.slice(5, 7));
  for (;;) {
    if (m > 12) {
      y += 1;
      m = 1;
    }
    const tick = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    if (tick > max) return ticks;
    if (tick >= min) ticks.push(tick);
    m += 1;
  }
}

/** How far the due date moved against the baseline, in words. */
export function slipText(slipDays: number | null): string {
  if (slipDays === null) return 'no baseline date';
  if (slipDays === 0) return 'on its baseline date';
  const days = Math.abs(slipDays);
  return `${days} day${days === 1 ? '' : 's'} ${slipDays > 0 ? 'later than' : 'earlier than'} its baseline`;
}
