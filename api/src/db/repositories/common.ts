import type { Page } from '@handover/shared';
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { notFound } from '../../core/app-error';
import type { Tx } from '../data-source';

/** A row of a plan-scoped table by id, or 404 naming `what` (a row of another plan is as unknown as none). */
export async function findInPlan<E extends ObjectLiteral>(
  m: Tx,
  entity: EntityTarget<E>,
  planId: string,
  id: string,
  what: string,
): Promise<E> {
  const row = await m.getRepository(entity).findOne({ where: { id, planId } as never });
  if (!row) throw notFound(what);
  return row;
}

/**
 * The optimistic-concurrency write: `UPDATE ... WHERE id (AND plan) AND version`. Of two racing
 * edits exactly one matches; false when the row moved on (or is gone).
 */
export async function updateIfVersion<E extends ObjectLiteral>(
  m: Tx,
  entity: EntityTarget<E>,
  key: { id: string; planId?: string },
  version: number,
  set: Partial<E>,
): Promise<boolean> {
  const where = key.planId === undefined ? 'id = :id AND version = :version' : 'id = :id AND plan_id = :planId AND version = :version';
  const result = await m
    .getRepository(entity)
    .createQueryBuilder()
    .update()
    .set(set as never)
    .where(where, { ...key, version })
    .execute();
  return Boolean(result.affected);
}

/** By name regardless of case, the same on both dialects whatever the database collation. */
export function byName<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return qb
    .orderBy(`LOWER(${alias}.name)`, 'ASC')
    .addOrderBy(`${alias}.name`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC');
}

/** One page of an ordered query, mapped to DTOs, with the total of all matching rows. */
export async function pageFrom<E extends ObjectLiteral, D>(
  qb: SelectQueryBuilder<E>,
  q: { limit: number; offset: number },
  map: (row: E) => D,
): Promise<Page<D>> {
  const [rows, total] = await qb.take(q.limit).skip(q.offset).getManyAndCount();
  return { items: rows.map(map), total, limit: q.limit, offset: q.offset };
}

/** The next number of a per-parent sequence (history steps, assessments); call under the plan lock. */
export async function nextSeq<E extends ObjectLiteral>(
  m: Tx,
  entity: EntityTarget<E>,
  where: string,
  params: Record<string, unknown>,
): Promise<number> {
  const last = await m
    .getRepository(entity)
    .createQueryBuilder('x')
    .select('MAX(x.seq)', 'max')
    .where(where, params)
    .getRawOne<{ max: number | string | null }>();
  return Number(last?.max ?? 0) + 1;
}
