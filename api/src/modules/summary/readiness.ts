import {
  EXIT_ITEM_LADDER,
  HANDOVER_LADDER,
  addDays,
  type Coverage,
  type ExitItemStatus,
  type Gate,
  type HandoverStatus,
  type SharePoint,
  type Summary,
  type Targets,
} from '@handover/shared';
import { exitForecast, firstReaching, leastSquares } from './exit-forecast';

/** Everything the summary is computed from, already read from the database. */
export type SummaryInputs = {
  asOf: string;
  targets: Targets;
  targetExitDate: string;
  planStart: string;
  /** The milestones that existed at asOf, each with its status as it stood then. */
  milestones: Array<{ status: string; dueDate: string; weight: number; completedAt: string | null }>;
  coverage: Coverage;
  /** Post counts over [asOf − 28 days, asOf). */
  window: { total: number; inHouse: number };
  /** The handovers that existed at asOf, each at its step then. */
  handovers: Array<{ status: HandoverStatus; targetDate: string | null }>;
  /** The exit items that existed at asOf, each at its step then (docs/domain.md#exit-checklist). */
  exitItems: Array<{ status: ExitItemStatus; dueDate: string | null }>;
  /** The latest adoption samples on or before asOf (at most 8), oldest first. */
  adoptionSamples: Array<{ weekStart: string; share: number }>;
  /** The complete weeks before asOf, oldest first; at least max(8, sustainWeeks) of them. */
  completeWeeks: SharePoint[];
  /** Monday of the week containing asOf. */
  currentMonday: string;
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const FORECAST_WEEKS = 8;
/** Projections further out than this are not projections: treat as none. */
const MAX_PROJECTION_WEEKS = 52 * 50;

/** The summary (docs/domain.md#readiness, #gates and #forecast), as a pure function of its inputs. */
export function computeSummary(input: SummaryInputs): Summary {
  const { asOf, targets } = input;

  const ms = input.milestones;
  const totalWeight = ms.reduce((s, m) => s + m.weight, 0);
  const doneWeight = ms.filter((m) => m.status === 'done').reduce((s, m) => s + m.weight, 0);
  const milestones = {
    total: ms.length,
    done: ms.filter((m) => m.status === 'done').length,
    overdue: ms.filter((m) => m.dueDate < asOf && m.status !== 'done').length,
    blocked: ms.filter((m) => m.status === 'blocked').length,
    progress: totalWeight === 0 ? 0 : doneWeight / totalWeight,
  };

  const skills = { ...input.coverage.totals };

  const windowShare = input.window.total === 0 ? 0 : input.window.inHouse / input.window.total;
  const posts = {
    window: { from: addDays(asOf, -28), to: asOf, total: input.window.total, inHouse: input.window.inHouse, inHouseShare: windowShare },
  };

  const byStatus = Object.fromEntries(HANDOVER_LADDER.map((s) => [s, 0])) as Record<HandoverStatus, number>;
  for (const h of input.handovers) byStatus[h.status] += 1;
  const handoverTotal = Object.values(byStatus).reduce((s, n) => s + n, 0);
  const handovers = {
    total: handoverTotal,
    byStatus,
    acceptedShare: handoverTotal === 0 ? 0 : byStatus.accepted / handoverTotal,
  };

  const itemsByStatus = Object.fromEntries(EXIT_ITEM_LADDER.map((st) => [st, 0])) as Record<ExitItemStatus, number>;
  for (const item of input.exitItems) itemsByStatus[item.status] += 1;
  const exitItems = {
    total: input.exitItems.length,
    byStatus: itemsByStatus,
    verifiedShare: input.exitItems.length === 0 ? 0 : itemsByStatus.verified / input.exitItems.length,
  };

  const latestAdoption = input.adoptionSamples.at(-1);
  const adoption = {
    latestShare: latestAdoption?.share ?? null,
    latestWeekStart: latestAdoption?.weekStart ?? null,
  };

  const components = {
    milestones: milestones.progress,
    skills: skills.closedShare,
    posts: targets.inHouseShare === 0 ? 1 : Math.min(1, windowShare / targets.inHouseShare),
    handovers: handovers.acceptedShare,
  };
  const readiness = {
    score: (components.milestones + components.skills + components.posts + components.handovers) / 4,
    components,
  };

  const sustained = input.completeWeeks.slice(-targets.sustainWeeks);
  const postsGateMet = sustained.length === targets.sustainWeeks && sustained.every((w) => w.total > 0 && w.inHouseShare >= targets.inHouseShare);
  const criticalGaps = input.coverage.items.filter((i) => i.critical && i.gap > 0);
  const gates: Gate[] = [
    {
      key: 'internal_network',
      met: adoption.latestShare !== null && adoption.latestShare >= targets.internalAdoption,
      detail:
        adoption.latestShare === null
          ? `No internal adoption sample on or before ${asOf}; target ${pct(targets.internalAdoption)}.`
          : `Internal adoption ${pct(adoption.latestShare)} in the week of ${adoption.latestWeekStart}; target ${pct(targets.internalAdoption)}.`,
    },
    {
      key: 'skills_covered',
      met: criticalGaps.length === 0,
      detail:
        criticalGaps.length === 0
          ? `No gap on critical skills (${input.coverage.items.filter((i) => i.critical).length} critical, ${skills.gap === 1 ? '1 person' : `${skills.gap} people`} short overall).`
          : `Critical skills short of people: ${criticalGaps.map((i) => `${i.name} (${i.qualifiedPeople} of ${i.requiredPeople})`).join(', ')}.`,
    },
    {
      key: 'posts_share',
      met: postsGateMet,
      detail: `In-house share of the last ${targets.sustainWeeks === 1 ? 'complete week' : `${targets.sustainWeeks} complete weeks`}, target ${pct(targets.inHouseShare)}: ${
        sustained.map((w) => `${w.periodStart} ${w.total === 0 ? 'no posts' : pct(w.inHouseShare)}`).join(', ') || 'none'
      }.`,
    },
    {
      key: 'handovers_accepted',
      met: handoverTotal > 0 && byStatus.accepted === handoverTotal,
      detail: handoverTotal === 0 ? 'No handovers recorded.' : `${byStatus.accepted} of ${handoverTotal} handovers accepted.`,
    },
    {
      key: 'milestones_done',
      met: milestones.total > 0 && milestones.done === milestones.total,
      detail:
        milestones.total === 0
          ? 'No milestones planned.'
          : `${milestones.done} of ${milestones.total} milestones done${milestones.overdue ? `, ${milestones.overdue} overdue` : ''}.`,
    },
    {
      key: 'exit_items_verified',
      met: exitItems.total > 0 && itemsByStatus.verified === exitItems.total,
      detail: exitItems.total === 0 ? 'No exit items listed.' : `${itemsByStatus.verified} of ${exitItems.total} exit items verified.`,
    },
  ];

  const shareForecast = forecast(input, postsGateMet);
  return {
    asOf,
    milestones,
    skills,
    posts,
    handovers,
    exitItems,
    adoption,
    readiness,
    gates,
    exitReady: gates.every((g) => g.met),
    forecast: shareForecast,
    exitForecast: exitForecast(gates, {
      asOf,
      currentMonday: input.currentMonday,
      planStart: input.planStart,
      targetExitDate: input.targetExitDate,
      sustainWeeks: targets.sustainWeeks,
      internalAdoptionTarget: targets.internalAdoption,
      shareProjection: postsGateMet ? null : shareForecast.projectedExitDate,
      milestones: ms.map((m) => ({ done: m.status === 'done', completedAt: m.completedAt, dueDate: m.dueDate, weight: m.weight })),
      adoptionSamples: input.adoptionSamples,
      openHandoverTargets: input.handovers.filter((h) => h.status !== 'accepted').map((h) => h.targetDate),
      handoverCount: input.handovers.length,
      openExitItemDueDates: input.exitItems.filter((i) => i.status !== 'verified').map((i) => i.dueDate),
      exitItemCount: input.exitItems.length,
    }),
  };
}

/**
 * The share trend (docs/domain.md#forecast): least squares over the last 8 complete weeks that had
 * posts (x = 0 oldest .. 7; this week is x = 8). The exit week is the first whole x >= 8 where the
 * line reaches the target; its Monday is the projected date.
 */
export function forecast(input: SummaryInputs, postsGateMet: boolean): Summary['forecast'] {
  const lastEight = input.completeWeeks.slice(-FORECAST_WEEKS);
  const weeks = lastEight.map((w, x) => ({ x, weekStart: w.periodStart, inHouseShare: w.inHouseShare, total: w.total }));
  // A week without posts says nothing about the share: it is left out of the fit, not counted as 0%.
  const line = leastSquares(weeks.filter((w) => w.total > 0).map((w) => ({ x: w.x, y: w.inHouseShare })));
  const target = input.targets.inHouseShare;

  let exitX: number | null = null;
  if (postsGateMet) exitX = FORECAST_WEEKS;
  else if (line.slope > 0) {
    exitX = firstReaching(line, target, FORECAST_WEEKS);
    if (exitX - FORECAST_WEEKS > MAX_PROJECTION_WEEKS) exitX = null;
  }
  const projectedExitDate = exitX === null ? null : addDays(input.currentMonday, 7 * (exitX - FORECAST_WEEKS));
  return {
    projectedExitDate,
    onTrack: projectedExitDate === null ? null : projectedExitDate <= input.targetExitDate,
    intercept: line.intercept,
    slope: line.slope,
    weeks,
  };
}
