import { randomUUID } from 'node:crypto';
import {
  HANDOVER_LADDER,
  type CreateHandoverSchema,
  type CreateTransitionSchema,
  type Handover,
  type HandoverListQuerySchema,
  type Page,
  type UpdateHandoverSchema,
} from '@handover/shared';
import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import { can } from '../../http/access';
import type { PlanCtx } from '../../http/context';
import { conflict, forbidden, notFound, preconditionFailed } from '../../http/problem';
import { diff, type ActivityService } from '../activity/activity.service';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { HandoverEntity, HandoverTransitionEntity } from './handover.entity';
import { handoverSnapshot, toHandover } from './handover.mapper';

type HandoverListQuery = z.output<typeof HandoverListQuerySchema>;

export class HandoversService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async list(ctx: PlanCtx, q: HandoverListQuery): Promise<Page<Handover>> {
    return this.deps.db.read(async (m) => {
      const qb = m.getRepository(HandoverEntity).createQueryBuilder('h').where('h.plan_id = :planId', {
        planId: ctx.planId,
      });
      if (q.status) qb.andWhere('h.status = :status', { status: q.status });
      if (q.channel !== undefined) qb.andWhere('h.channel = :channel', { channel: q.channel });
      const [rows, total] = await qb
        .orderBy('h.created_at', 'ASC')
        .addOrderBy('h.id', 'ASC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      const history = await historyOf(m, rows.map((r) => r.id));
      return {
        items: rows.map((r) => toHandover(r, history.get(r.id) ?? [])),
        total,
        limit: q.limit,
        offset: q.offset,
      };
    });
  }

  async get(ctx: PlanCtx, id: string): Promise<Handover> {
    return this.deps.db.read(async (m) => {
      const row = await findHandover(m, ctx.planId, id);
      return toHandover(row, (await historyOf(m, [id])).get(id) ?? []);
    });
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateHandoverSchema>): Promise<Handover> {
    return this.deps.db.write(async (m) => {
      const now = this.deps.clock.now().toISOString();
      const row: HandoverEntity = {
        id: randomUUID(),
        planId: ctx.planId,
        title: input.title,
        channel: input.channel ?? null,
        description: input.description ?? null,
        status: 'agency',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.getRepository(HandoverEntity).insert(row);
      const dto = toHandover(row, []);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'create',
        entity: 'handover',
        entityId: row.id,
        changes: { ...handoverSnapshot(dto), status: dto.status },
      });
      await this.idempotency.remember(m, ctx, dto);
      return dto;
    });
  }

  async update(
    ctx: PlanCtx,
    id: string,
    version: number,
    input: z.output<typeof UpdateHandoverSchema>,
  ): Promise<Handover> {
    return this.deps.db.write(async (m) => {
      const row = await findHandover(m, ctx.planId, id);
      if (Number(row.version) !== version) throw preconditionFailed(Number(row.version));
      const history = (await historyOf(m, [id])).get(id) ?? [];
      const before = toHandover(row, history);
      const next = {
        title: input.title ?? row.title,
        channel: input.channel !== undefined ? input.channel : row.channel,
        description: input.description !== undefined ? input.description : row.description,
        version: version + 1,
        updatedAt: this.deps.clock.now().toISOString(),
      };
      await this.conditionalUpdate(m, ctx.planId, id, version, next);
      const after = toHandover({ ...row, ...next }, history);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'update',
        entity: 'handover',
        entityId: id,
        changes: diff(handoverSnapshot(before), handoverSnapshot(after)),
      });
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.deps.db.write(async (m) => {
      const row = await findHandover(m, ctx.planId, id);
      if (version !== undefined && Number(row.version) !== version) throw preconditionFailed(Number(row.version));
      await m.getRepository(HandoverTransitionEntity).delete({ handoverId: id });
      await m.getRepository(HandoverEntity).delete({ id, planId: ctx.planId });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'handover',
        entityId: id,
        changes: { title: row.title, channel: row.channel, status: row.status },
      });
    });
  }

  /**
   * DESIGN §5/§6: one step forward along the ladder; only leads (and admins) accept, and only they may
   * move back (reopen) to any earlier step. Role refusals come before the step checks, so an agency
   * member asking to accept hears 403 whatever the current step.
   */
  async transition(
    ctx: PlanCtx,
    id: string,
    version: number | undefined,
    input: z.output<typeof CreateTransitionSchema>,
  ): Promise<Handover> {
    return this.deps.db.write(async (m) => {
      // Serialise moves in the plan: a second racing move sees the first one's result and is judged on it.
      await this.deps.db.lockPlan(m, ctx.planId);
      const row = await findHandover(m, ctx.planId, id);
      const current = Number(row.version);
      if (version !== undefined && current !== version) throw preconditionFailed(current);
      const from = row.status as Handover['status'];
      const to = input.to;
      const fromIndex = HANDOVER_LADDER.indexOf(from);
      const toIndex = HANDOVER_LADDER.indexOf(to);
      const lead = can(ctx, 'acceptHandover');
      if (to === 'accepted' && !lead) throw forbidden('Only a lead may accept a handover.');
      if (toIndex < fromIndex && !lead) throw forbidden('Only a lead may move a handover back.');
      if (toIndex === fromIndex) throw conflict(`The handover is already at "${from}".`, 'invalid-transition');
      if (toIndex > fromIndex + 1) {
        throw conflict(
          `A handover moves one step at a time: from "${from}" the next step is "${HANDOVER_LADDER[fromIndex + 1]}", not "${to}".`,
          'invalid-transition',
        );
      }
      const at = this.deps.clock.now().toISOString();
      await this.conditionalUpdate(m, ctx.planId, id, current, { status: to, version: current + 1, updatedAt: at });
      const last = await m
        .getRepository(HandoverTransitionEntity)
        .createQueryBuilder('t')
        .select('MAX(t.seq)', 'max')
        .where('t.handover_id = :id', { id })
        .getRawOne<{ max: number | string | null }>();
      const step: HandoverTransitionEntity = {
        id: randomUUID(),
        handoverId: id,
        seq: Number(last?.max ?? 0) + 1,
        fromStatus: from,
        toStatus: to,
        at,
        actorId: ctx.user.id,
        actorEmail: ctx.user.email,
        note: input.note ?? null,
      };
      await m.getRepository(HandoverTransitionEntity).insert(step);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'transition',
        entity: 'handover',
        entityId: id,
        changes: { status: { from, to }, ...(step.note !== null ? { note: step.note } : {}) },
      });
      const history = (await historyOf(m, [id])).get(id) ?? [];
      return toHandover({ ...row, status: to, version: current + 1, updatedAt: at }, history);
    });
  }

  /** Conditional on the version read: of two racing writes exactly one matches. */
  private async conditionalUpdate(
    m: EntityManager,
    planId: string,
    id: string,
    version: number,
    set: Partial<HandoverEntity>,
  ): Promise<void> {
    const result = await m
      .getRepository(HandoverEntity)
      .createQueryBuilder()
      .update()
      .set(set)
      .where('id = :id AND plan_id = :planId AND version = :version', { id, planId, version })
      .execute();
    if (!result.affected) throw preconditionFailed(Number((await findHandover(m, planId, id)).version));
  }
}

async function findHandover(m: EntityManager, planId: string, id: string): Promise<HandoverEntity> {
  const row = await m.getRepository(HandoverEntity).findOne({ where: { id, planId } });
  if (!row) throw notFound('handover');
  return row;
}

async function historyOf(m: EntityManager, ids: string[]): Promise<Map<string, HandoverTransitionEntity[]>> {
  const out = new Map<string, HandoverTransitionEntity[]>();
  if (!ids.length) return out;
  const rows = await m
    .getRepository(HandoverTransitionEntity)
    .find({ where: { handoverId: In(ids) }, order: { handoverId: 'ASC', seq: 'ASC' } });
  for (const r of rows) out.set(r.handoverId, [...(out.get(r.handoverId) ?? []), r]);
  return out;
}
