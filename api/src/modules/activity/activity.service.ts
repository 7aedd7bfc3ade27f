import { randomUUID } from 'node:crypto';
import type { Activity, ActivityListQuery, Page } from '@handover/shared';
import type { EntityManager } from 'typeorm';
import type { Deps } from '../../deps';
import type { PlanCtx, UserCtx } from '../../http/context';
import { ActivityEntity } from './activity.entity';

export type ActivityEntry = {
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown>;
};

export class ActivityService {
  private lastAt = 0;

  constructor(private readonly deps: Deps) {}

  /** Strictly increasing within the process, so entries written in one millisecond keep their order. */
  private nextAt(): string {
    const now = Math.max(this.deps.clock.now().getTime(), this.lastAt + 1);
    this.lastAt = now;
    return new Date(now).toISOString();
  }

  /** Call inside the write transaction of the change it describes. */
  async record(m: EntityManager, ctx: UserCtx, planId: string | null, entry: ActivityEntry): Promise<void> {
    await m.getRepository(ActivityEntity).insert({
      id: randomUUID(),
      planId,
      at: this.nextAt(),
      actorId: ctx.user.id,
      actorEmail: ctx.user.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: JSON.stringify(entry.changes),
    });
  }

  async list(ctx: PlanCtx, q: ActivityListQuery): Promise<Page<Activity>> {
    return this.deps.db.read(async (m) => {
      const qb = m
        .getRepository(ActivityEntity)
        .createQueryBuilder('a')
        .where('a.plan_id = :planId', { planId: ctx.planId });
      if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
      if (q.action) qb.andWhere('a.action = :action', { action: q.action });
      if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
      if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
      const [rows, total] = await qb
        .orderBy('a.at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actor: { id: r.actorId, email: r.actorEmail },
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          changes: JSON.parse(r.changes) as Record<string, unknown>,
        })),
        total,
        limit: q.limit,
        offset: q.offset,
      };
    });
  }
}

/** The fields that differ between two snapshots, as {field: {from, to}}. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key] ?? null, to: after[key] };
  }
  return out;
}
