import { HandoverStatusSchema, addDays, mondayOf, type HandoverStatus, type Summary } from '@handover/shared';
import { today } from '../../core/clock';
import type { PlanCtx } from '../../core/context';
import { latestAdoption } from '../../db/repositories/adoption.repository';
import { handoverStatusCounts } from '../../db/repositories/handovers.repository';
import { milestoneFigures } from '../../db/repositories/milestones.repository';
import { findPlan } from '../../db/repositories/plans.repository';
import type { Deps } from '../deps';
import { countsBySource, sharePoints } from '../posts/rollups';
import { computeCoverage } from '../skills/coverage';
import { computeSummary } from './readiness';

export class SummaryService {
  constructor(private readonly deps: Deps) {}

  /** Everything the summary needs, read in one unit of work through each resource's repository, then computed. */
  async summary(ctx: PlanCtx, asOfParam?: string): Promise<Summary> {
    const asOf = asOfParam ?? today(this.deps.clock);
    const db = this.deps.db;
    const inputs = await db.read(async (m) => {
      const plan = await findPlan(m, ctx.planId);
      const milestones = await milestoneFigures(m, ctx.planId);
      const coverage = await computeCoverage(db, m, ctx.planId);
      const windowCounts = await countsBySource(db, m, ctx.planId, addDays(asOf, -28), asOf);
      const handoverRows = await handoverStatusCounts(m, ctx.planId);
      const latest = await latestAdoption(m, ctx.planId, asOf);
      const currentMonday = mondayOf(asOf);
      const weeks = Math.max(8, plan.targets.sustainWeeks);
      const starts = Array.from({ length: weeks }, (_, i) => addDays(currentMonday, -7 * (weeks - i)));
      const completeWeeks = await sharePoints(db, m, ctx.planId, 'week', starts);
      return {
        asOf,
        targets: plan.targets,
        targetExitDate: plan.targetExitDate,
        milestones,
        coverage,
        window: { total: windowCounts.total, inHouse: windowCounts.inHouse },
        handoverStatuses: handoverRows.flatMap((r) => {
          const status = HandoverStatusSchema.safeParse(r.status);
          return status.success ? [{ status: status.data as HandoverStatus, count: r.count }] : [];
        }),
        latestAdoption: latest ? { weekStart: latest.weekStart, share: latest.share } : null,
        completeWeeks,
        currentMonday,
      };
    });
    return computeSummary(inputs);
  }
}
