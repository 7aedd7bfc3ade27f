import { MAX_ADOPTION_WEEKS, type AdoptionListQuery, type AdoptionSample, type CreateAdoptionSchema } from '@handover/shared';
import type { z } from 'zod';
import { conflict, notFound } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { adoptionSnapshot } from '../../db/repositories/adoption.mapper';
import {
  countAdoptionWeeks,
  deleteAdoptionWeek,
  findAdoptionWeek,
  insertAdoptionWeek,
  listAdoption,
  updateAdoptionWeek,
} from '../../db/repositories/adoption.repository';
import { diff } from '../activity/activity.service';
import { ResourceService } from '../service';

export class AdoptionService extends ResourceService {
  /** The weekly series, oldest first, optionally from/to a week (inclusive). */
  async list(ctx: PlanCtx, q: AdoptionListQuery): Promise<{ items: AdoptionSample[] }> {
    return { items: await this.deps.db.read((m) => listAdoption(m, ctx.planId, q)) };
  }

  /** One sample per week: posting a week again replaces it. `created` tells the route 201 from 200. */
  async put(ctx: PlanCtx, input: z.output<typeof CreateAdoptionSchema>): Promise<{ sample: AdoptionSample; created: boolean }> {
    return this.write(ctx, async (m) => {
      // Two first posts of one week must not both insert.
      await this.deps.db.lockPlan(m, ctx.planId);
      const existing = await findAdoptionWeek(m, ctx.planId, input.weekStart);
      const now = this.deps.clock.now().toISOString();
      const figures = { activeUsers: input.activeUsers, totalStaff: input.totalStaff, source: input.source ?? null, updatedAt: now };
      if (!existing) {
        // The series is answered whole, so its length is bounded (docs/domain.md#adoption).
        if ((await countAdoptionWeeks(m, ctx.planId)) >= MAX_ADOPTION_WEEKS) {
          throw conflict(`A plan keeps at most ${MAX_ADOPTION_WEEKS} weeks of adoption; remove an old week before adding another.`);
        }
        const sample = await insertAdoptionWeek(m, ctx.planId, input.weekStart, figures);
        await this.activity.log(m, ctx, 'create', 'adoption', input.weekStart, adoptionSnapshot(sample));
        return { sample, created: true };
      }
      const { createdAt: _c, ...before } = existing;
      const { updatedAt: _u, ...values } = figures;
      const share = values.totalStaff > 0 ? values.activeUsers / values.totalStaff : 0;
      const after: AdoptionSample = { ...before, ...values, share, updatedAt: now };
      const changes = diff(adoptionSnapshot(before), adoptionSnapshot(after));
      // The same figures again change nothing and write nothing.
      if (!Object.keys(changes).length) return { sample: before, created: false };
      await updateAdoptionWeek(m, ctx.planId, input.weekStart, figures);
      await this.activity.log(m, ctx, 'replace', 'adoption', input.weekStart, changes);
      return { sample: after, created: false };
    });
  }

  async remove(ctx: PlanCtx, weekStart: string): Promise<void> {
    await this.write(ctx, async (m) => {
      const existing = await findAdoptionWeek(m, ctx.planId, weekStart);
      if (!existing) throw notFound('adoption sample');
      await deleteAdoptionWeek(m, ctx.planId, weekStart);
      await this.activity.log(m, ctx, 'delete', 'adoption', weekStart, adoptionSnapshot(existing));
    });
  }
}
