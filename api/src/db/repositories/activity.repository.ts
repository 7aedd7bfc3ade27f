import type { Activity, ActivityListQuery, Page } from '@handover/shared';
import type { Tx } from '../data-source';
import { ActivityEntity } from '../entities/activity.entity';
import { pageFrom } from './common';
import { namesOf } from './users.repository';

export async function insertActivity(m: Tx, entry: ActivityEntity): Promise<void> {
  await m.getRepository(ActivityEntity).insert(entry);
}

/**
 * The field changes (`{field: {from, to}}`) logged for one kind of entity at or after an instant,
 * newest first: what rewinds today's rows to an earlier day (docs/domain.md#as-of).
 */
export async function updatesSince(m: Tx, planId: string, entity: string, since: string): Promise<Array<{ entityId: string; changes: Record<string, unknown> }>> {
  const rows = await m
    .getRepository(ActivityEntity)
    .createQueryBuilder('a')
    .select(['a.entityId', 'a.changes'])
    .where('a.plan_id = :planId AND a.at >= :since AND a.entity = :entity AND a.action = :action', { planId, since, entity, action: 'update' })
    .orderBy('a.at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .getMany();
  return rows.flatMap((r) => (r.entityId ? [{ entityId: r.entityId, changes: JSON.parse(r.changes) as Record<string, unknown> }] : []));
}

/** A plan's log, newest first, with the list's filters. */
export async function listActivity(m: Tx, planId: string, q: ActivityListQuery): Promise<Page<Activity>> {
  const qb = m.getRepository(ActivityEntity).createQueryBuilder('a').where('a.plan_id = :planId', { planId });
  if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
  if (q.action) qb.andWhere('a.action = :action', { action: q.action });
  if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
  if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
  const page = await pageFrom(qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC'), q, (r) => r);
  const names = await namesOf(m, page.items.map((r) => r.actorId));
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { id: r.actorId, email: r.actorEmail, name: names.get(r.actorId) ?? r.actorEmail },
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      changes: JSON.parse(r.changes) as Record<string, unknown>,
    })),
  };
}

export type LoggedEntry = { at: string; action: string; entity: string; entityId: string | null; changes: Record<string, unknown> };

/**
 * A plan's log entries about these kinds of entity at or after an instant, oldest first, without
 * creations (history leaves out rows created later by their own stamp) and, of posts, only
 * deletions: what tells whether history rebuilds a day exactly (docs/domain.md#status-over-time).
 */
export async function entriesSince(m: Tx, planId: string, since: string, entities: readonly string[]): Promise<LoggedEntry[]> {
  const rows = await m
    .getRepository(ActivityEntity)
    .createQueryBuilder('a')
    .select(['a.at', 'a.action', 'a.entity', 'a.entityId', 'a.changes'])
    .where('a.plan_id = :planId AND a.at >= :since AND a.entity IN (:...entities)', { planId, since, entities })
    .andWhere("a.action <> 'create' AND (a.entity <> 'post' OR a.action = 'delete')")
    .orderBy('a.at', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
  return rows.map((r) => ({ at: r.at, action: r.action, entity: r.entity, entityId: r.entityId, changes: JSON.parse(r.changes) as Record<string, unknown> }));
}
