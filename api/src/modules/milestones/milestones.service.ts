import type { CreateMilestoneSchema, Milestone, MilestoneListQuery, Page, UpdateMilestoneSchema } from '@handover/shared';
import type { z } from 'zod';
import { conflict } from '../../core/app-error';
import { today } from '../../core/clock';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Tx } from '../../db/data-source';
import {
  countDependents,
  deleteMilestone,
  findMilestone,
  insertMilestone,
  listMilestones,
  replaceDependencies,
  updateMilestoneIfVersion,
  withBaseline,
} from '../../db/repositories/milestones.repository';
import { diff } from '../activity/activity.service';
import { baselineDueDates } from '../../db/repositories/baselines.repository';
import { endOfDay, milestonesAsOf } from '../history/as-of';
import { actorOf, recordEvent } from '../outbox/outbox';
import { pageOfList } from '../paging';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';
import { assertDependenciesDone, assertNoCycle, loadDependencies } from './dependencies';
import { milestonePages } from './pages';

export class MilestonesService extends ResourceService {
  /** List pages as JSON, per plan: every milestone write invalidates its plan (docs/architecture.md#the-cache-rule). */
  private readonly pages = milestonePages(this.deps.db);

  /** The list page as UTF-8 JSON, from the cache while no milestone of the plan changed. */
  async listJson(ctx: PlanCtx, q: MilestoneListQuery): Promise<Buffer> {
    const key = `${ctx.planId}|${q.phase ?? ''}|${q.status ?? ''}|${q.overdue ?? ''}|${q.limit}|${q.offset}|${today(this.deps.clock)}|${q.asOf ?? ''}`;
    const generation = this.pages.generation(ctx);
    const cached = this.pages.get(ctx.planId, key, generation);
    if (cached !== undefined) return cached;
    const json = utf8(JSON.stringify(await this.list(ctx, q)));
    this.pages.set(ctx.planId, key, generation, json);
    return json;
  }

  list(ctx: PlanCtx, q: MilestoneListQuery): Promise<Page<Milestone>> {
    const db = this.deps.db;
    const now = today(this.deps.clock);
    if (q.asOf !== undefined && q.asOf < now) {
      const asOf = q.asOf;
      return db.read(async (m) => {
        const page = pageOfList(filterMilestones(await milestonesAsOf(m, ctx.planId, asOf), q, asOf), q);
        // Measured against the latest baseline taken by then (docs/domain.md#status-over-time).
        const baseline = await baselineDueDates(db, m, ctx.planId, page.items.map((ms) => ms.id), endOfDay(asOf));
        return { ...page, items: page.items.map((ms) => withBaseline(ms, baseline.get(ms.id) ?? null)) };
      });
    }
    return db.read((m) => listMilestones(db, m, ctx.planId, q, now));
  }

  get(ctx: PlanCtx, id: string): Promise<Milestone> {
    return this.deps.db.read((m) => findMilestone(this.deps.db, m, ctx.planId, id));
  }

  /** Every write to a plan's milestones: lock the plan and invalidate its pages, inside the transaction. */
  private writeMilestones<T>(ctx: PlanCtx, fn: (m: Tx) => Promise<T>): Promise<T> {
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      await this.pages.invalidate(m, ctx.planId);
      return fn(m);
    });
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateMilestoneSchema>): Promise<Milestone> {
    return this.writeMilestones(ctx, async (m) => {
      const deps = await loadDependencies(m, ctx.planId, input.dependsOn);
      const now = this.deps.clock.now().toISOString();
      if (input.status === 'done') assertDependenciesDone(deps);
      const milestone: Milestone = {
        id: newId(),
        planId: ctx.planId,
        title: input.title,
        description: input.description ?? null,
        phase: input.phase,
        owner: input.owner ?? null,
        dueDate: input.dueDate,
        status: input.status,
        weight: input.weight,
        dependsOn: [...input.dependsOn].sort(),
        completedAt: input.status === 'done' ? now : null,
        // Newer than any baseline: nothing to measure against.
        baselineDueDate: null,
        slipDays: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await insertMilestone(m, milestone);
      await this.activity.log(m, ctx, 'create', 'milestone', milestone.id, snapshot(milestone));
      if (milestone.status === 'done') await completed(m, ctx, milestone);
      return milestone;
    });
  }

  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateMilestoneSchema>): Promise<Milestone> {
    return this.writeMilestones(ctx, async (m) => {
      const before = await findMilestone(this.deps.db, m, ctx.planId, id);
      assertVersion(before, version);
      const dependsOn = input.dependsOn ?? before.dependsOn;
      if (input.dependsOn) await assertNoCycle(m, ctx.planId, id, input.dependsOn);
      const deps = await loadDependencies(m, ctx.planId, dependsOn);
      const status = input.status ?? before.status;
      if (status === 'done' && (before.status !== 'done' || input.dependsOn)) assertDependenciesDone(deps);
      const now = this.deps.clock.now().toISOString();
      const after: Milestone = withBaseline({
        ...before,
        title: input.title ?? before.title,
        description: input.description !== undefined ? input.description : before.description,
        phase: input.phase ?? before.phase,
        owner: input.owner !== undefined ? input.owner : before.owner,
        dueDate: input.dueDate ?? before.dueDate,
        status,
        weight: input.weight ?? before.weight,
        dependsOn: [...dependsOn].sort(),
        completedAt: status === 'done' ? (before.status === 'done' ? before.completedAt : now) : null,
        version: version + 1,
        updatedAt: now,
      }, before.baselineDueDate);
      await writeIfVersion(after, version, (next, v) => updateMilestoneIfVersion(m, next, v), () => findMilestone(this.deps.db, m, ctx.planId, id));
      if (input.dependsOn) await replaceDependencies(m, id, input.dependsOn);
      await this.activity.log(m, ctx, 'update', 'milestone', id, diff(snapshot(before), snapshot(after)));
      if (after.status === 'done' && before.status !== 'done') await completed(m, ctx, after);
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.writeMilestones(ctx, async (m) => {
      const row = await findMilestone(this.deps.db, m, ctx.planId, id);
      assertVersion(row, version);
      const dependents = await countDependents(m, id);
      if (dependents) {
        throw conflict(`${dependents === 1 ? 'Another milestone depends' : `${dependents} other milestones depend`} on this one; remove ${dependents === 1 ? 'that dependency' : 'those dependencies'} first.`, 'has-dependents');
      }
      await deleteMilestone(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'milestone', id, { title: row.title, phase: row.phase });
    });
  }
}

/** A string's UTF-8 bytes in a buffer of their own (not a slice of a shared pool a cache would keep alive). */
function utf8(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** The `milestone.completed` webhook event, in the transaction that made it done (docs/domain.md#webhooks). */
function completed(m: Tx, ctx: PlanCtx, ms: Milestone): Promise<void> {
  const milestone = { id: ms.id, title: ms.title, phase: ms.phase, dueDate: ms.dueDate, weight: ms.weight, completedAt: ms.completedAt! };
  return recordEvent(m, ctx.planId, 'milestone.completed', { milestone, actor: actorOf(ctx.user) }, ms.completedAt!);
}

function snapshot(ms: Milestone): Record<string, unknown> {
  const { id: _i, planId: _p, version: _v, createdAt: _c, updatedAt: _u, baselineDueDate: _b, slipDays: _s, ...rest } = ms;
  return rest;
}

/** The list's filters on milestones already in list order, overdue judged on `day`. */
function filterMilestones(items: Milestone[], q: MilestoneListQuery, day: string): Milestone[] {
  return items.filter(
    (ms) =>
      (!q.phase || ms.phase === q.phase) &&
      (!q.status || ms.status === q.status) &&
      (q.overdue === undefined || q.overdue === (ms.dueDate < day && ms.status !== 'done')),
  );
}
