import {
  EXIT_ITEM_LADDER,
  EXIT_ITEM_STATUS_LABELS,
  can,
  type CreateExitItemSchema,
  type CreateExitItemTransitionSchema,
  type ExitItem,
  type ExitItemListQuery,
  type Page,
  type UpdateExitItemSchema,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, forbidden, unprocessable } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Tx } from '../../db/data-source';
import { exitItemSnapshot } from '../../db/repositories/exit-item.mapper';
import {
  appendExitItemTransition,
  deleteExitItem,
  findExitItem,
  insertExitItem,
  listExitItems,
  updateExitItemIfVersion,
} from '../../db/repositories/exit-items.repository';
import { personExists } from '../../db/repositories/people.repository';
import { diff } from '../activity/activity.service';
import { actorOf, recordEvent } from '../outbox/outbox';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';
import { refuseSecrets } from './no-secrets';

/** What agency staff may edit on an item (docs/domain.md#exit-checklist); any other field needs `manageExitItems`. */
const EVIDENCE_FIELDS = new Set(['evidence', 'evidenceUrl']);

/** Blank evidence is no evidence. */
const orNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v === '' ? null : v);

export class ExitItemsService extends ResourceService {
  list(ctx: PlanCtx, q: ExitItemListQuery): Promise<Page<ExitItem>> {
    return this.deps.db.read((m) => listExitItems(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<ExitItem> {
    return this.deps.db.read((m) => findExitItem(m, ctx.planId, id));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateExitItemSchema>): Promise<ExitItem> {
    refuseSecrets({ name: input.name, channel: input.channel, evidence: input.evidence }, { evidenceUrl: input.evidenceUrl });
    return this.write(ctx, async (m) => {
      await this.assertOwner(m, ctx.planId, input.owner);
      const now = this.deps.clock.now().toISOString();
      const item: ExitItem = {
        id: newId(),
        planId: ctx.planId,
        kind: input.kind,
        name: input.name,
        channel: input.channel ?? null,
        owner: input.owner ?? null,
        dueDate: input.dueDate ?? null,
        status: 'listed',
        evidence: orNull(input.evidence),
        evidenceUrl: orNull(input.evidenceUrl),
        history: [],
        createdBy: ctx.user.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await insertExitItem(m, item);
      await this.activity.log(m, ctx, 'create', 'exit_item', item.id, { ...exitItemSnapshot(item), status: item.status });
      return item;
    });
  }

  /**
   * Agency staff change only the evidence (any other field → 403, before anything else is judged);
   * leads and admins change every field but the status, which moves by transitions.
   */
  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateExitItemSchema>): Promise<ExitItem> {
    if (!can(ctx.role, 'manageExitItems')) {
      const others = Object.keys(input).filter((k) => !EVIDENCE_FIELDS.has(k));
      if (others.length) throw forbidden(`Agency staff may edit only the evidence of an exit item, not ${others.join(', ')}.`);
    }
    refuseSecrets({ name: input.name, channel: input.channel, evidence: input.evidence }, { evidenceUrl: input.evidenceUrl });
    return this.write(ctx, async (m) => {
      const before = await findExitItem(m, ctx.planId, id);
      assertVersion(before, version);
      if (input.owner !== undefined) await this.assertOwner(m, ctx.planId, input.owner);
      const after = await writeIfVersion(
        {
          ...before,
          kind: input.kind ?? before.kind,
          name: input.name ?? before.name,
          channel: input.channel !== undefined ? input.channel : before.channel,
          owner: input.owner !== undefined ? input.owner : before.owner,
          dueDate: input.dueDate !== undefined ? input.dueDate : before.dueDate,
          evidence: input.evidence !== undefined ? orNull(input.evidence) : before.evidence,
          evidenceUrl: input.evidenceUrl !== undefined ? orNull(input.evidenceUrl) : before.evidenceUrl,
          version: version + 1,
          updatedAt: this.deps.clock.now().toISOString(),
        },
        version,
        (next, v) => updateExitItemIfVersion(m, next, v),
        () => findExitItem(m, ctx.planId, id),
      );
      await this.activity.log(m, ctx, 'update', 'exit_item', id, diff(exitItemSnapshot(before), exitItemSnapshot(after)));
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.write(ctx, async (m) => {
      const row = await findExitItem(m, ctx.planId, id);
      assertVersion(row, version);
      await deleteExitItem(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'exit_item', id, { kind: row.kind, name: row.name, status: row.status });
    });
  }

  /**
   * One step up or back along the ladder (docs/domain.md#exit-checklist). Agency staff move up to
   * `agency_removed`; only leads (and admins) verify or move back. Role refusals come first (403
   * whatever the current step), then a stale `from` (409), then the step itself (409).
   */
  async transition(
    ctx: PlanCtx,
    id: string,
    version: number | undefined,
    input: z.output<typeof CreateExitItemTransitionSchema>,
  ): Promise<ExitItem> {
    refuseSecrets({ note: input.note });
    return this.write(ctx, async (m) => {
      // Serialise moves in the plan: a second racing move sees the first one's result and is judged on it.
      await this.deps.db.lockPlan(m, ctx.planId);
      const before = await findExitItem(m, ctx.planId, id);
      assertVersion(before, version);
      const from = before.status;
      const to = input.to;
      const fromIndex = EXIT_ITEM_LADDER.indexOf(from);
      const toIndex = EXIT_ITEM_LADDER.indexOf(to);
      const lead = can(ctx.role, 'manageExitItems');
      if (to === 'verified' && !lead) throw forbidden('Only a lead may verify an exit item.');
      if (toIndex < fromIndex && !lead) throw forbidden('Only a lead may move an exit item back.');
      if (input.from !== undefined && input.from !== from) {
        throw conflict(
          `The item is at “${EXIT_ITEM_STATUS_LABELS[from]}” now, not “${EXIT_ITEM_STATUS_LABELS[input.from]}”: someone (or an earlier click) moved it. Nothing was changed.`,
          'stale-transition',
        );
      }
      if (toIndex === fromIndex) throw conflict(`The item is already at "${from}".`, 'invalid-transition');
      if (Math.abs(toIndex - fromIndex) > 1) {
        const next = toIndex > fromIndex ? EXIT_ITEM_LADDER[fromIndex + 1] : EXIT_ITEM_LADDER[fromIndex - 1];
        throw conflict(
          `An exit item moves one step at a time: from "${from}" the ${toIndex > fromIndex ? 'next' : 'previous'} step is "${next}", not "${to}".`,
          'invalid-transition',
        );
      }
      const at = this.deps.clock.now().toISOString();
      const step = { from, to, at, actor: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name }, note: input.note ?? null };
      const after = await writeIfVersion(
        { ...before, status: to, version: before.version + 1, updatedAt: at },
        before.version,
        (next, v) => updateExitItemIfVersion(m, next, v),
        () => findExitItem(m, ctx.planId, id),
      );
      await appendExitItemTransition(m, {
        id: newId(),
        exitItemId: id,
        fromStatus: from,
        toStatus: to,
        at,
        actorId: ctx.user.id,
        actorEmail: ctx.user.email,
        note: step.note,
      });
      const changes = { status: { from, to }, ...(step.note !== null ? { note: step.note } : {}) };
      await this.activity.log(m, ctx, 'transition', 'exit_item', id, changes);
      // The webhook event in the same transaction (docs/domain.md#webhooks).
      const item = { id, kind: before.kind, name: before.name };
      await recordEvent(m, ctx.planId, 'exit.item_changed', { item, from, to, note: step.note, actor: actorOf(ctx.user) }, at);
      return { ...after, history: [...before.history, step] };
    });
  }

  /** An owner must be a person of this plan (422 otherwise, docs/domain.md#who-may-do-what). */
  private async assertOwner(m: Tx, planId: string, owner: string | null | undefined): Promise<void> {
    if (owner && !(await personExists(m, planId, owner))) {
      throw unprocessable([{ path: 'owner', message: 'no such person in this plan' }], 'The owner must be a person of this plan.');
    }
  }
}
