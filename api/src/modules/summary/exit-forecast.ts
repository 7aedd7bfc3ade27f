import { addDays, daysBetween, type GateKey, type Summary } from '@handover/shared';

/** What the whole-plan exit forecast needs beyond the gates (docs/domain.md#exit-forecast). */
export type ExitForecastInputs = {
  asOf: string;
  /** Monday of the week containing asOf. */
  currentMonday: string;
  planStart: string;
  targetExitDate: string;
  sustainWeeks: number;
  internalAdoptionTarget: number;
  /** The share trend's projected week (`forecast.projectedExitDate`). */
  shareProjection: string | null;
  /** Every milestone existing at asOf, with `done` as it stood at asOf. */
  milestones: Array<{ done: boolean; completedAt: string | null; dueDate: string; weight: number }>;
  /** The latest adoption samples on or before asOf (at most 8), oldest first. */
  adoptionSamples: Array<{ weekStart: string; share: number }>;
  /** Target dates of the handovers not accepted at asOf (null: that handover has none). */
  openHandoverTargets: Array<string | null>;
  /** How many handovers existed at asOf. */
  handoverCount: number;
  /** Due dates of the exit items not verified at asOf (null: that item has none). */
  openExitItemDueDates: Array<string | null>;
  /** How many exit items existed at asOf. */
  exitItemCount: number;
};

const MAX_WEEKS_AHEAD = 104;
const THROUGHPUT_WEEKS = 8;

/**
 * One date per gate by which it can be met, and the plan's exit as the latest of them
 * (docs/domain.md#exit-forecast). A met gate's date is asOf; a gate no date can be derived for is
 * listed in `undatedGates` and leaves the exit without a projection.
 */
export function exitForecast(gates: Summary['gates'], input: ExitForecastInputs): Summary['exitForecast'] {
  const met = new Map(gates.map((g) => [g.key, g.met]));
  const open: Record<GateKey, () => string | null> = {
    internal_network: () => adoptionComponent(input),
    skills_covered: () => null,
    posts_share: () => (input.shareProjection ? addDays(input.shareProjection, 7 * input.sustainWeeks) : null),
    handovers_accepted: () => latestOf(input.handoverCount, input.openHandoverTargets),
    milestones_done: () => milestonesComponent(input),
    exit_items_verified: () => latestOf(input.exitItemCount, input.openExitItemDueDates),
  };
  const components = {} as Record<GateKey, string | null>;
  const undatedGates: GateKey[] = [];
  for (const gate of gates) {
    const date = met.get(gate.key) ? input.asOf : open[gate.key]();
    components[gate.key] = date;
    if (date === null) undatedGates.push(gate.key);
  }

  let latest: { key: GateKey; date: string } | null = null;
  for (const gate of gates) {
    const date = components[gate.key];
    if (date !== null && (latest === null || date > latest.date)) latest = { key: gate.key, date };
  }
  const inReach = latest !== null && undatedGates.length === 0 && daysBetween(input.asOf, latest.date) <= 7 * MAX_WEEKS_AHEAD;
  const projectedExitDate = inReach ? latest!.date : null;
  const allMet = gates.every((g) => g.met);
  return {
    projectedExitDate,
    onTrack: projectedExitDate === null ? null : projectedExitDate <= input.targetExitDate,
    limitedBy: projectedExitDate === null || allMet ? null : latest!.key,
    components,
    undatedGates,
  };
}

/**
 * The milestones' date: the later of the latest due date still open and the week the remaining
 * weight is done at the recent pace (mean weekly done weight over the last min(8, weeks since the
 * plan's start) complete weeks). Without any recent pace: the latest due date, unless one is overdue.
 */
function milestonesComponent(input: ExitForecastInputs): string | null {
  const open = input.milestones.filter((m) => !m.done);
  if (!input.milestones.length || !open.length) return null;
  const latestDue = open.reduce((d, m) => (m.dueDate > d ? m.dueDate : d), open[0]!.dueDate);
  const weeks = Math.min(THROUGHPUT_WEEKS, Math.max(0, Math.floor(daysBetween(input.planStart, input.currentMonday) / 7)));
  const windowStart = `${addDays(input.currentMonday, -7 * weeks)}T00:00:00.000Z`;
  const windowEnd = `${input.currentMonday}T00:00:00.000Z`;
  const doneWeight = input.milestones
    .filter((m) => m.done && m.completedAt !== null && m.completedAt >= windowStart && m.completedAt < windowEnd)
    .reduce((s, m) => s + m.weight, 0);
  if (weeks === 0 || doneWeight === 0) {
    const overdue = open.some((m) => m.dueDate < input.asOf);
    return overdue ? null : latestDue;
  }
  const remaining = open.reduce((s, m) => s + m.weight, 0);
  const atPace = addDays(input.currentMonday, 7 * Math.ceil(remaining / (doneWeight / weeks)));
  return atPace > latestDue ? atPace : latestDue;
}

/**
 * The handovers' and the exit items' date: the latest target (due) date of those still open; null
 * when one has none, or when there are none at all.
 */
function latestOf(count: number, openDates: Array<string | null>): string | null {
  if (count === 0 || !openDates.length) return null;
  let latest = '';
  for (const date of openDates) {
    if (date === null) return null;
    if (date > latest) latest = date;
  }
  return latest;
}

/**
 * Internal adoption's date: least squares over the latest samples (x in weeks from the oldest), the
 * first whole week from the current one where the line reaches the target, as its Monday. Null with
 * fewer than two samples or a flat or falling line.
 */
function adoptionComponent(input: ExitForecastInputs): string | null {
  const samples = input.adoptionSamples;
  if (samples.length < 2) return null;
  const origin = samples[0]!.weekStart;
  const points = samples.map((s) => ({ x: daysBetween(origin, s.weekStart) / 7, y: s.share }));
  const line = leastSquares(points);
  if (line.slope <= 0) return null;
  const fromX = daysBetween(origin, input.currentMonday) / 7;
  const x = firstReaching(line, input.internalAdoptionTarget, fromX);
  return addDays(origin, 7 * x);
}

export type Line = { intercept: number; slope: number };

/** y = intercept + slope·x by least squares; a flat line through the mean with fewer than two distinct x. */
export function leastSquares(points: Array<{ x: number; y: number }>): Line {
  const n = points.length;
  if (n === 0) return { intercept: 0, slope: 0 };
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/** The smallest whole x >= fromX where a rising line reaches the target (9.999999999 stays 10, not 11). */
export function firstReaching(line: Line, target: number, fromX: number): number {
  let x = Math.max(fromX, Math.ceil((target - line.intercept) / line.slope - 1e-9));
  if (line.intercept + line.slope * x < target - 1e-12) x += 1;
  return x;
}
