import type { AdoptionListQuery, AdoptionSample, CreateAdoptionSchema } from '@handover/shared';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import type { PlanCtx } from '../../http/context';
import { notFound } from '../../http/problem';
import { diff, type ActivityService } from '../activity/activity.service';
import { adoptionSnapshot, toAdoptionSample } from './adoption.mapper';
import { AdoptionSampleEntity } from './adoption-sample.entity';

export class AdoptionService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}

  /** The weekly series, oldest first, optionally from/to a week (inclusive). */
  async list(ctx: PlanCtx, q: AdoptionListQuery): Promise<{ items: AdoptionSample[] }> {
    return this.deps.db.read(async (m) => {
      const qb = m
        .getRepository(AdoptionSampleEntity)
        .createQueryBuilder('a')
        .where('a.plan_id = :planId', { planId: ctx.planId });
      if (q.from) qb.andWhere('a.week_start >= :from', { from: q.from });
      if (q.to) qb.andWhere('a.week_start <= :to', { to: q.to });
      const rows = await qb.orderBy('a.week_start', 'ASC').getMany();
      return { items: rows.map(toAdoptionSample) };
    });
  }

  /** One sample per week: posting a week again replaces it. `created` tells the router 201 from 200. */
  async put(
    ctx: PlanCtx,
    input: z.output<typeof CreateAdoptionSchema>,
  ): Promise<{ sample: AdoptionSample; created: boolean }> {
    return this.deps.db.write(async (m) => {
      // Two first posts of one week must not both insert.
      await this.deps.db.lockPlan(m, ctx.planId);
      const repo = m.getRepository(AdoptionSampleEntity);
      const existing = await repo.findOne({ where: { planId: ctx.planId, weekStart: input.weekStart } });
      const now = this.deps.clock.now().toISOString();
      const values = {
        activeUsers: input.activeUsers,
        totalStaff: input.totalStaff,
        source: input.source ?? null,
      };
      if (!existing) {
        const row: AdoptionSampleEntity = {
          planId: ctx.planId,
          weekStart: input.weekStart,
          ...values,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insert(row);
        const sample = toAdoptionSample(row);
        await this.activity.record(m, ctx, ctx.planId, {
          action: 'create',
          entity: 'adoption',
          entityId: input.weekStart,
          changes: adoptionSnapshot(sample),
        });
        return { sample, created: true };
      }
      const before = toAdoptionSample(existing);
      const after = toAdoptionSample({ ...existing, ...values, updatedAt: now });
      const changes = diff(adoptionSnapshot(before), adoptionSnapshot(after));
      // The same figures again change nothing and write nothing.
      if (!Object.keys(changes).length) return { sample: before, created: false };
      await repo.update({ planId: ctx.planId, weekStart: input.weekStart }, { ...values, updatedAt: now });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'replace',
        entity: 'adoption',
        entityId: input.weekStart,
        changes,
      });
      return { sample: after, created: false };
    });
  }

  async remove(ctx: PlanCtx, weekStart: string): Promise<void> {
    await this.deps.db.write(async (m) => {
      const repo = m.getRepository(AdoptionSampleEntity);
      const existing = await repo.findOne({ where: { planId: ctx.planId, weekStart } });
      if (!existing) throw notFound('adoption sample');
      await repo.delete({ planId: ctx.planId, weekStart });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'adoption',
        entityId: weekStart,
        changes: adoptionSnapshot(toAdoptionSample(existing)),
      });
    });
  }
}
