import { HandoverStatusSchema, addDays, mondayOf, type HandoverStatus, type Summary } from '@handover/shared';
import type { Deps } from '../../deps';
import type { PlanCtx } from '../../http/context';
import { AdoptionSampleEntity } from '../adoption/adoption-sample.entity';
import { HandoverEntity } from '../handovers/handover.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { findPlan } from '../plans/plans.service';
import { toPlan } from '../plans/plan.mapper';
import { countsBySource, sharePoints } from '../posts/rollups';
import { computeCoverage } from '../skills/coverage';
import { computeSummary } from './readiness';
import { LessThanOrEqual } from 'typeorm';

export class SummaryService {
  constructor(private readonly deps: Deps) {}

  async summary(ctx: PlanCtx, asOfParam?: string): Promise<Summary> {
    const asOf = asOfParam ?? this.deps.clock.now().toISOString().slice(0, 10);
    const db = this.deps.db;
    const inputs = await db.read(async (m) => {
      const plan = toPlan(await findPlan(m, ctx.planId));
      const milestones = await m.getRepository(MilestoneEntity).find({
        where: { planId: ctx.planId },
        select: { status: true, dueDate: true, weight: true },
      });
      const coverage = await computeCoverage(db, m, ctx.planId);
      const windowCounts = await countsBySource(db, m, ctx.planId, addDays(asOf, -28), asOf);
      const handoverRows: Array<{ status: string; count: string | number }> = await m
        .getRepository(HandoverEntity)
        .createQueryBuilder('h')
        .select('h.status', 'status')
        .addSelect('COUNT(*)', 'count')
        .where('h.plan_id = :planId', { planId: ctx.planId })
        .groupBy('h.status')
        .getRawMany();
      const latest = await m.getRepository(AdoptionSampleEntity).findOne({
        where: { planId: ctx.planId, weekStart: LessThanOrEqual(asOf) },
        order: { weekStart: 'DESC' },
      });
      const currentMonday = mondayOf(asOf);
      const weeks = Math.max(8, plan.targets.sustainWeeks);
      const starts = Array.from({ length: weeks }, (_, i) => addDays(currentMonday, -7 * (weeks - i)));
      const completeWeeks = await sharePoints(db, m, ctx.planId, 'week', starts);
      return {
        asOf,
        targets: plan.targets,
        targetExitDate: plan.targetExitDate,
        milestones: milestones.map((x) => ({ status: x.status, dueDate: x.dueDate, weight: Number(x.weight) })),
        coverage,
        window: { total: windowCounts.total, inHouse: windowCounts.inHouse },
        handoverStatuses: handoverRows.flatMap((r) => {
          const status = HandoverStatusSchema.safeParse(r.status);
          return status.success ? [{ status: status.data as HandoverStatus, count: Number(r.count) }] : [];
        }),
        latestAdoption: latest
          ? { weekStart: latest.weekStart, share: Number(latest.activeUsers) / Number(latest.totalStaff) }
          : null,
        completeWeeks,
        currentMonday,
      };
    });
    return computeSummary(inputs);
  }
}
