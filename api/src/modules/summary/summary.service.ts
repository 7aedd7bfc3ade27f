import { addDays, mondayOf, type Summary } from '@handover/shared';
import { today } from '../../core/clock';
import type { PlanCtx } from '../../core/context';
import type { Tx } from '../../db/data-source';
import { adoptionUpTo } from '../../db/repositories/adoption.repository';
import { findPlan } from '../../db/repositories/plans.repository';
import type { Deps } from '../deps';
import { exitItemStepsAsOf, handoverStepsAsOf, milestonesAsOf } from '../history/as-of';
import { countsBySource, sharePoints } from '../posts/rollups';
import { computeCoverage } from '../skills/coverage';
import { computeSummary } from './readiness';

/** How many adoption samples the exit forecast fits its line to. */
const ADOPTION_SAMPLES = 8;

export class SummaryService {
  constructor(private readonly deps: Deps) {}

  /**
   * Everything the summary needs as it stood at the end of `asOf` (docs/domain.md#as-of), read in
   * one unit of work through each resource's repository, then computed.
   */
  summary(ctx: PlanCtx, asOf?: string): Promise<Summary> {
    return this.ofPlan(ctx.planId, asOf ?? today(this.deps.clock));
  }

  /**
   * The summary of a plan at the end of `asOf`, also for work no request asked for (snapshots,
   * docs/domain.md#status-over-time). The reads need nothing of the caller but the plan.
   */
  ofPlan(planId: string, asOf: string): Promise<Summary> {
    return this.deps.db.read((m) => this.within(m, planId, asOf));
  }

  /** ofPlan inside a unit of work the caller holds (the gate check's transaction, docs/domain.md#webhooks). */
  async within(m: Tx, planId: string, asOf: string): Promise<Summary> {
    const ctx: Pick<PlanCtx, 'planId'> = { planId };
    const db = this.deps.db;
    const plan = await findPlan(m, ctx.planId);
    const milestones = await milestonesAsOf(m, ctx.planId, asOf);
    const handovers = await handoverStepsAsOf(db, m, ctx.planId, asOf);
    const exitItems = await exitItemStepsAsOf(db, m, ctx.planId, asOf);
    const coverage = await computeCoverage(db, m, ctx.planId, asOf);
    const windowCounts = await countsBySource(db, m, ctx.planId, addDays(asOf, -28), asOf);
    const adoptionSamples = await adoptionUpTo(m, ctx.planId, asOf, ADOPTION_SAMPLES);
    const currentMonday = mondayOf(asOf);
    const weeks = Math.max(8, plan.targets.sustainWeeks);
    const starts = Array.from({ length: weeks }, (_, i) => addDays(currentMonday, -7 * (weeks - i)));
    const completeWeeks = await sharePoints(db, m, ctx.planId, 'week', starts);
    const inputs = {
      asOf,
      targets: plan.targets,
      targetExitDate: plan.targetExitDate,
      planStart: plan.startDate,
      milestones: milestones.map(({ status, dueDate, weight, completedAt }) => ({ status, dueDate, weight, completedAt })),
      coverage,
      window: { total: windowCounts.total, inHouse: windowCounts.inHouse },
      handovers: handovers.map(({ status, targetDate }) => ({ status, targetDate })),
      exitItems: exitItems.map(({ status, dueDate }) => ({ status, dueDate })),
      adoptionSamples: adoptionSamples.map(({ weekStart, share }) => ({ weekStart, share })),
      completeWeeks,
      currentMonday,
    };
    return computeSummary(inputs);
  }
}
