import type { Baseline, BaselineDetail, CreateBaselineSchema, Page } from '@handover/shared';
import type { z } from 'zod';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { findBaseline, insertBaseline, listBaselines } from '../../db/repositories/baselines.repository';
import { allMilestones } from '../../db/repositories/milestones.repository';
import { milestonePages } from '../milestones/pages';
import { ResourceService } from '../service';

/** Baselines: every milestone's due date and weight frozen under a name (docs/domain.md#status-over-time). */
export class BaselinesService extends ResourceService {
  /** A new baseline changes every milestone's `baselineDueDate`, so it invalidates the cached list pages. */
  private readonly pages = milestonePages(this.deps.db);

  list(ctx: PlanCtx, q: { limit: number; offset: number }): Promise<Page<Baseline>> {
    return this.deps.db.read((m) => listBaselines(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<BaselineDetail> {
    return this.deps.db.read((m) => findBaseline(m, ctx.planId, id));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateBaselineSchema>): Promise<BaselineDetail> {
    return this.write(ctx, async (m) => {
      // No milestone write slips in between reading the milestones and storing what was read.
      await this.deps.db.lockPlan(m, ctx.planId);
      await this.pages.invalidate(m, ctx.planId);
      const milestones = await allMilestones(m, ctx.planId);
      const items = milestones
        .map((ms) => ({ milestoneId: ms.id, dueDate: ms.dueDate, weight: ms.weight }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.milestoneId.localeCompare(b.milestoneId));
      const baseline: Baseline = { id: newId(), planId: ctx.planId, name: input.name, createdAt: this.deps.clock.now().toISOString(), milestoneCount: items.length };
      await insertBaseline(m, baseline, items);
      await this.activity.log(m, ctx, 'create', 'baseline', baseline.id, { name: baseline.name, milestoneCount: baseline.milestoneCount });
      return { ...baseline, items };
    });
  }
}
