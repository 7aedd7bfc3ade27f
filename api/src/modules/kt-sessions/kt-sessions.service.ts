import {
  can,
  type CreateKtSessionSchema,
  type KtSession,
  type KtSessionListQuery,
  type Page,
  type UpdateKtSessionSchema,
} from '@handover/shared';
import type { z } from 'zod';
import { forbidden, unprocessable, type FieldError } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Tx } from '../../db/data-source';
import {
  deleteKtSession,
  existingInPlan,
  findKtSession,
  insertKtSession,
  listKtSessions,
  updateKtSessionIfVersion,
} from '../../db/repositories/kt-sessions.repository';
import { diff } from '../activity/activity.service';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';

// Knowledge-transfer sessions: how the agency passed on what it knows (docs/domain.md#knowledge-transfer-sessions).

type LinkField = 'attendees' | 'handoverIds' | 'skillIds';
const LINK_FIELDS: readonly LinkField[] = ['attendees', 'handoverIds', 'skillIds'];
const UNKNOWN: Record<LinkField, string> = {
  attendees: 'no such person in this plan',
  handoverIds: 'no such handover in this plan',
  skillIds: 'no such skill in this plan',
};

/** What the activity log keeps of a session. */
const snapshot = (s: KtSession) => ({
  date: s.date,
  topic: s.topic,
  method: s.method,
  givenBy: s.givenBy,
  attendees: s.attendees,
  handoverIds: s.handoverIds,
  skillIds: s.skillIds,
  materialsUrl: s.materialsUrl,
  notes: s.notes,
});

export class KtSessionsService extends ResourceService {
  list(ctx: PlanCtx, q: KtSessionListQuery): Promise<Page<KtSession>> {
    return this.deps.db.read((m) => listKtSessions(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<KtSession> {
    return this.deps.db.read((m) => findKtSession(m, ctx.planId, id));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateKtSessionSchema>): Promise<KtSession> {
    return this.write(ctx, async (m) => {
      const now = this.deps.clock.now().toISOString();
      const session: KtSession = {
        id: newId(),
        planId: ctx.planId,
        date: input.date,
        topic: input.topic,
        method: input.method,
        givenBy: input.givenBy,
        attendees: input.attendees ?? [],
        handoverIds: input.handoverIds ?? [],
        skillIds: input.skillIds ?? [],
        materialsUrl: input.materialsUrl ?? null,
        notes: input.notes || null,
        createdBy: ctx.user.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await assertLinksInPlan(m, ctx.planId, session, LINK_FIELDS);
      await insertKtSession(m, session);
      await this.activity.log(m, ctx, 'create', 'kt_session', session.id, snapshot(session));
      return session;
    });
  }

  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateKtSessionSchema>): Promise<KtSession> {
    return this.write(ctx, async (m) => {
      const before = await findKtSession(m, ctx.planId, id);
      assertMayChange(ctx, before);
      assertVersion(before, version);
      const changed = LINK_FIELDS.filter((f) => input[f] !== undefined);
      const next: KtSession = {
        ...before,
        date: input.date ?? before.date,
        topic: input.topic ?? before.topic,
        method: input.method ?? before.method,
        givenBy: input.givenBy ?? before.givenBy,
        attendees: input.attendees ?? before.attendees,
        handoverIds: input.handoverIds ?? before.handoverIds,
        skillIds: input.skillIds ?? before.skillIds,
        materialsUrl: input.materialsUrl !== undefined ? input.materialsUrl : before.materialsUrl,
        notes: input.notes !== undefined ? input.notes || null : before.notes,
        version: version + 1,
        updatedAt: this.deps.clock.now().toISOString(),
      };
      await assertLinksInPlan(m, ctx.planId, next, changed);
      const after = await writeIfVersion(
        next,
        version,
        (n, v) => updateKtSessionIfVersion(m, n, v, changed),
        () => findKtSession(m, ctx.planId, id),
      );
      await this.activity.log(m, ctx, 'update', 'kt_session', id, diff(snapshot(before), snapshot(after)));
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.write(ctx, async (m) => {
      const session = await findKtSession(m, ctx.planId, id);
      assertMayChange(ctx, session);
      assertVersion(session, version);
      await deleteKtSession(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'kt_session', id, snapshot(session));
    });
  }
}

/** Attendees must be people of the plan, and the handovers and skills its own: 422 naming each stranger. */
async function assertLinksInPlan(m: Tx, planId: string, s: KtSession, fields: readonly LinkField[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const field of fields) {
    const known = await existingInPlan(m, field, planId, s[field]);
    s[field].forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `${field}.${i}`, message: `${UNKNOWN[field]}: ${id}` });
    });
  }
  if (errors.length) throw unprocessable(errors, 'A reference does not exist in this plan.');
}

/** Leads and admins change any session; agency staff only those they recorded (docs/domain.md#knowledge-transfer-sessions). */
function assertMayChange(ctx: PlanCtx, session: KtSession): void {
  if (!can(ctx.role, 'edit') && session.createdBy !== ctx.user.id) {
    throw forbidden('Agency staff may change only the knowledge-transfer sessions they recorded.');
  }
}
