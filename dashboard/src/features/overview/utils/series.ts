import {
  GATE_LABELS,
  HANDOVER_LADDER,
  LADDER_LABELS,
  PHASES,
  PHASE_LABELS,
  addDays,
  daysBetween,
  mondayOf,
  type AdoptionSample,
  type CoverageItem,
  type Gate,
  type GateKey,
  type HandoverStatus,
  type Milestone,
  type MilestoneStatus,
  type Phase,
  type SharePoint,
  type Summary,
} from '@handover/shared';

export type PostsRow = {
  weekStart: string;
  agency: number | null;
  coAuthored: number | null;
  inHouse: number | null;
  total: number | null;
  /** In-house share of the week, null for a week without posts or in the future. */
  share: number | null;
  /** The fitted trend, from the first fitted week to the projection horizon. */
  forecast: number | null;
  target: number;
};

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Weekly stacked counts with the in-house share, the target and the forecast line
 * y = intercept + slope·x (x = 0 the oldest of the 8 fitted weeks, 8 the current week), carried
 * forward week by week until the projected exit (or the horizon), so the chart shows where the
 * trend meets the target.
 */
export function postsSeries(
  points: SharePoint[],
  forecast: Summary['forecast'],
  target: number,
  horizon: string,
  maxFutureWeeks = 26,
): PostsRow[] {
  const rows: PostsRow[] = points.map((p) => ({
    weekStart: p.periodStart,
    agency: p.agency,
    coAuthored: p.coAuthored,
    inHouse: p.inHouse,
    total: p.total,
    share: p.total > 0 ? p.inHouseShare : null,
    forecast: null,
    target,
  }));
  const x0 = forecast.weeks.find((w) => w.x === 0)?.weekStart;
  const { intercept, slope } = forecast;
  if (!x0 || intercept === null || slope === null) return rows;
  const xOf = (weekStart: string) => Math.round(daysBetween(x0, weekStart) / 7);
  for (const row of rows) {
    const x = xOf(row.weekStart);
    if (x >= 0) row.forecast = clamp01(intercept + slope * x);
  }
  const lastWeek = rows.at(-1)?.weekStart ?? mondayOf(addDays(x0, 56));
  const end = mondayOf(forecast.projectedExitDate && forecast.projectedExitDate > horizon ? forecast.projectedExitDate : horizon);
  for (let week = addDays(lastWeek, 7), n = 0; week <= end && n < maxFutureWeeks; week = addDays(week, 7), n++) {
    const value = clamp01(intercept + slope * xOf(week));
    rows.push({ weekStart: week, agency: null, coAuthored: null, inHouse: null, total: null, share: null, forecast: value, target });
    if (value >= target && week >= (forecast.projectedExitDate ?? week)) break;
  }
  return rows;
}

export type PhaseRow = { phase: Phase; label: string; total: number; progress: number } & Record<MilestoneStatus, number>;

/** Milestone counts per status in each phase, and the weighted share done (as the summary computes it). */
export function phaseProgress(milestones: Milestone[]): PhaseRow[] {
  return PHASES.map((phase) => {
    const items = milestones.filter((m) => m.phase === phase);
    const count = (s: MilestoneStatus) => items.filter((m) => m.status === s).length;
    const weight = items.reduce((sum, m) => sum + m.weight, 0);
    const doneWeight = items.filter((m) => m.status === 'done').reduce((sum, m) => sum + m.weight, 0);
    return {
      phase,
      label: PHASE_LABELS[phase],
      total: items.length,
      done: count('done'),
      in_progress: count('in_progress'),
      blocked: count('blocked'),
      planned: count('planned'),
      progress: weight ? doneWeight / weight : 0,
    };
  });
}

/** Not done and due before `asOf`, the most overdue first. */
export function overdueMilestones(milestones: Milestone[], asOf: string): (Milestone & { daysLate: number })[] {
  return milestones
    .filter((m) => m.status !== 'done' && m.dueDate < asOf)
    .map((m) => ({ ...m, daysLate: daysBetween(m.dueDate, asOf) }))
    .sort((a, b) => b.daysLate - a.daysLate || a.title.localeCompare(b.title));
}

export function ladderRows(byStatus: Partial<Record<HandoverStatus, number>>): { status: HandoverStatus; label: string; count: number }[] {
  return HANDOVER_LADDER.map((status) => ({ status, label: LADDER_LABELS[status], count: byStatus[status] ?? 0 }));
}

export type CoverageRow = { name: string; qualified: number; gap: number; required: number; critical: boolean; requiredLevel: number };
/** Qualified people and the gap, stacked to the number required; critical skills first. */
export function coverageRows(items: CoverageItem[]): CoverageRow[] {
  return [...items]
    .sort((a, b) => Number(b.critical) - Number(a.critical) || b.gap - a.gap || a.name.localeCompare(b.name))
    .map((s) => ({
      name: s.critical ? `${s.name} (critical)` : s.name,
      qualified: Math.min(s.qualifiedPeople, s.requiredPeople),
      gap: s.gap,
      required: s.requiredPeople,
      critical: s.critical,
      requiredLevel: s.requiredLevel,
    }));
}

export type AdoptionRow = { weekStart: string; share: number; activeUsers: number; totalStaff: number; target: number };
export function adoptionRows(items: AdoptionSample[], target: number): AdoptionRow[] {
  return [...items]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((s) => ({ weekStart: s.weekStart, share: s.share, activeUsers: s.activeUsers, totalStaff: s.totalStaff, target }));
}

/** Gates in the order of the journey, whatever order the server sends. */
export function orderedGates(gates: Gate[]): (Gate & { label: string })[] {
  const order = Object.keys(GATE_LABELS) as GateKey[];
  return [...gates].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)).map((g) => ({ ...g, label: GATE_LABELS[g.key] }));
}

export type GateDate = { key: GateKey; label: string; met: boolean; date: string | null; limits: boolean; note: string };
/** Each gate's expected date (asOf when met), in the order of the journey, with the one that sets the exit marked. */
export function gateDates(summary: Pick<Summary, 'gates' | 'exitForecast'>): GateDate[] {
  const f = summary.exitForecast;
  return orderedGates(summary.gates).map((g) => {
    const date = f.components[g.key] ?? null;
    const limits = f.limitedBy === g.key;
    const note = g.met ? 'met' : date === null ? 'no date can be given' : limits ? 'limits the exit' : '';
    return { key: g.key, label: g.label, met: g.met, date, limits, note };
  });
}

export type TimelineMark = { key: string; label: string; date: string; position: number };
/** Dates placed on a 0..100 line from the plan start to the latest of them. */
export function timelineMarks(start: string, marks: { key: string; label: string; date: string | null }[]): TimelineMark[] {
  const present = marks.filter((m): m is { key: string; label: string; date: string } => !!m.date);
  const end = present.reduce((max, m) => (m.date > max ? m.date : max), start);
  const span = Math.max(1, daysBetween(start, end));
  return present.map((m) => ({ ...m, position: Math.min(100, Math.max(0, (daysBetween(start, m.date) / span) * 100)) }));
}

export function readinessRows(components: Summary['readiness']['components']): { key: string; label: string; value: number }[] {
  return [
    { key: 'milestones', label: 'Milestones', value: components.milestones },
    { key: 'skills', label: 'Skills', value: components.skills },
    { key: 'posts', label: 'Posts', value: components.posts },
    { key: 'handovers', label: 'Handovers', value: components.handovers },
  ];
}

/** The first week to chart: the plan start, but at most a year back. */
export function shareWindowStart(planStart: string, asOf: string): string {
  const yearBack = addDays(asOf, -364);
  const from = planStart > yearBack ? planStart : yearBack;
  return from > asOf ? asOf : from;
}
