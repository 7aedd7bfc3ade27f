import {
  HANDOVER_LADDER,
  LADDER_LABELS,
  can,
  type CreateHandoverSchema,
  type CreateTransitionSchema,
  type Handover,
  type HandoverListQuerySchema,
  type Page,
  type UpdateHandoverSchema,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, forbidden } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { handoverSnapshot } from '../../db/repositories/handover.mapper';
import {
  appendTransition,
  deleteHandover,
  findHandover,
  insertHandover,
  listHandovers,
  updateHandoverIfVersion,
} from '../../db/repositories/handovers.repository';
import { today } from '../../core/clock';
import { diff } from '../activity/activity.service';
import { handoversAsOf } from '../history/as-of';
import { actorOf, recordEvent } from '../outbox/outbox';
import { pageOfList } from '../paging';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';

export class HandoversService extends ResourceService {
  list(ctx: PlanCtx, q: z.output<typeof HandoverListQuerySchema>): Promise<Page<Handover>> {
    if (q.asOf !== undefined && q.asOf < today(this.deps.clock)) {
      const asOf = q.asOf;
      return this.deps.db.read(async (m) => {
        const items = (await handoversAsOf(m, ctx.planId, asOf)).filter(
          (h) => (!q.status || h.status === q.status) && (q.channel === undefined || h.channel === q.channel),
        );
        return pageOfList(items, q);
      });
    }
    return this.deps.db.read((m) => listHandovers(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<Handover> {
    return this.deps.db.read((m) => findHandover(m, ctx.planId, id));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateHandoverSchema>): Promise<Handover> {
    return this.write(ctx, async (m) => {
      const now = this.deps.clock.now().toISOString();
      const handover: Handover = {
        id: newId(),
        planId: ctx.planId,
        title: input.title,
        channel: input.channel ?? null,
        description: input.description ?? null,
        status: 'agency',
        targetDate: input.targetDate ?? null,
        history: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await insertHandover(m, handover);
      await this.activity.log(m, ctx, 'create', 'handover', handover.id, { ...handoverSnapshot(handover), status: handover.status });
      return handover;
    });
  }

  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateHandoverSchema>): Promise<Handover> {
    return this.write(ctx, async (m) => {
      const before = await findHandover(m, ctx.planId, id);
      assertVersion(before, version);
      const after = await writeIfVersion(
        {
          ...before,
          title: input.title ?? before.title,
          channel: input.channel !== undefined ? input.channel : before.channel,
          description: input.description !== undefined ? input.description : before.description,
          targetDate: input.targetDate !== undefined ? input.targetDate : before.targetDate,
          version: version + 1,
          updatedAt: this.deps.clock.now().toISOString(),
        },
        version,
        (next, v) => updateHandoverIfVersion(m, next, v),
        () => findHandover(m, ctx.planId, id),
      );
      await this.activity.log(m, ctx, 'update', 'handover', id, diff(handoverSnapshot(before), handoverSnapshot(after)));
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.write(ctx, async (m) => {
      const row = await findHandover(m, ctx.planId, id);
      assertVersion(row, version);
      await deleteHandover(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'handover', id, { title: row.title, channel: row.channel, status: row.status });
    });
  }

  /**
   * One step forward along the ladder (docs/domain.md#ladder); only leads (and admins) accept, and
   * only they may move back (reopen) to any earlier step. Role refusals come before the step checks,
   * so an agency member asking to accept hears 403 whatever the current step.
   */
  async transition(
    ctx: PlanCtx,
    id: string,
    version: number | undefined,
    input: z.output<typeof CreateTransitionSchema>,
  ): Promise<Handover> {
    return this.write(ctx, async (m) => {
      // Serialise moves in the plan: a second racing move sees the first one's result and is judged on it.
      await this.deps.db.lockPlan(m, ctx.planId);
      const before = await findHandover(m, ctx.planId, id);
      assertVersion(before, version);
      const from = before.status;
      const to = input.to;
      const fromIndex = HANDOVER_LADDER.indexOf(from);
      const toIndex = HANDOVER_LADDER.indexOf(to);
      const lead = can(ctx.role, 'acceptHandover');
      if (to === 'accepted' && !lead) throw forbidden('Only a lead may accept a handover.');
      if (toIndex < fromIndex && !lead) throw forbidden('Only a lead may move a handover back.');
      if (input.from !== undefined && input.from !== from) {
        throw conflict(
          `The handover is at “${LADDER_LABELS[from]}” now, not “${LADDER_LABELS[input.from]}”: someone (or an earlier click) moved it. Nothing was changed.`,
          'stale-transition',
        );
      }
      if (toIndex === fromIndex) throw conflict(`The handover is already at "${from}".`, 'invalid-transition');
      if (toIndex > fromIndex + 1) {
        throw conflict(
          `A handover moves one step at a time: from "${from}" the next step is "${HANDOVER_LADDER[fromIndex + 1]}", not "${to}".`,
          'invalid-transition',
        );
      }
      const at = this.deps.clock.now().toISOString();
      const step = { from, to, at, actor: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name }, note: input.note ?? null };
      await writeIfVersion(
        { ...before, status: to, version: before.version + 1, updatedAt: at },
        before.version,
        (next, v) => updateHandoverIfVersion(m, next, v),
        () => findHandover(m, ctx.planId, id),
      );
      await appendTransition(m, {
        id: newId(),
        handoverId: id,
        fromStatus: from,
        toStatus: to,
        at,
        actorId: ctx.user.id,
        actorEmail: ctx.user.email,
        note: step.note,
      });
      const changes = { status: { from, to }, ...(step.note !== null ? { note: step.note } : {}) };
      await this.activity.log(m, ctx, 'transition', 'handover', id, changes);
      // Webhook events in the same transaction (docs/domain.md#webhooks).
      const ref = { id, title: before.title, channel: before.channel };
      await recordEvent(m, ctx.planId, 'handover.transitioned', { handover: ref, from, to, note: step.note, actor: actorOf(ctx.user) }, at);
      if (to === 'accepted') await recordEvent(m, ctx.planId, 'handover.accepted', { handover: ref, actor: actorOf(ctx.user) }, at);
      return { ...before, status: to, version: before.version + 1, updatedAt: at, history: [...before.history, step] };
    });
  }
}
