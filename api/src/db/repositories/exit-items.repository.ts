import type { ExitItem, ExitItemListQuery, ExitItemStatus, ExitItemTransition, Page } from '@handover/shared';
import { In } from 'typeorm';
import type { Db, Tx } from '../data-source';
import { ExitItemEntity, ExitItemTransitionEntity } from '../entities/exit-item.entity';
import { findInPlan, nextSeq, updateIfVersion } from './common';
import { toExitItem, toExitItemRow, toExitItemTransition } from './exit-item.mapper';
import { namesOf } from './users.repository';

export async function listExitItems(m: Tx, planId: string, q: ExitItemListQuery): Promise<Page<ExitItem>> {
  const qb = m.getRepository(ExitItemEntity).createQueryBuilder('x').where('x.plan_id = :planId', { planId });
  if (q.kind) qb.andWhere('x.kind = :kind', { kind: q.kind });
  if (q.status) qb.andWhere('x.status = :status', { status: q.status });
  const [rows, total] = await qb
    .orderBy('x.created_at', 'ASC')
    .addOrderBy('x.id', 'ASC')
    .take(q.limit)
    .skip(q.offset)
    .getManyAndCount();
  const history = await historyOf(m, rows.map((r) => r.id));
  return { items: rows.map((r) => toExitItem(r, history.get(r.id) ?? [])), total, limit: q.limit, offset: q.offset };
}

/** The exit item with its history, or 404. */
export async function findExitItem(m: Tx, planId: string, id: string): Promise<ExitItem> {
  const row = await findInPlan(m, ExitItemEntity, planId, id, 'exit item');
  return toExitItem(row, (await historyOf(m, [id])).get(id) ?? []);
}

export async function insertExitItem(m: Tx, item: ExitItem): Promise<void> {
  await m.getRepository(ExitItemEntity).insert(toExitItemRow(item));
}

/** Write the item's fields if it is still at `version`; false when someone else moved it on. */
export function updateExitItemIfVersion(m: Tx, item: ExitItem, version: number): Promise<boolean> {
  const { id, planId, createdAt: _c, createdBy: _b, ...set } = toExitItemRow(item);
  return updateIfVersion(m, ExitItemEntity, { id, planId }, version, set);
}

/** Append a step to the item's history (call under the plan lock: the sequence number is max + 1). */
export async function appendExitItemTransition(m: Tx, step: Omit<ExitItemTransitionEntity, 'seq' | 'exitItem'>): Promise<void> {
  const seq = await nextSeq(m, ExitItemTransitionEntity, 'x.exit_item_id = :id', { id: step.exitItemId });
  await m.getRepository(ExitItemTransitionEntity).insert({ ...step, seq });
}

export async function deleteExitItem(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(ExitItemTransitionEntity).delete({ exitItemId: id });
  await m.getRepository(ExitItemEntity).delete({ id, planId });
}

/** Every exit item of the plan with its history, oldest first. */
export async function allExitItems(m: Tx, planId: string): Promise<ExitItem[]> {
  const rows = await m.getRepository(ExitItemEntity).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const history = await historyOf(m, rows.map((r) => r.id));
  return rows.map((r) => toExitItem(r, history.get(r.id) ?? []));
}

/** An exit item as the summary needs it at a cutoff: no name, no history rows. */
export type ExitItemStep = { id: string; status: ExitItemStatus; dueDate: string | null };

/**
 * Every exit item of the plan created before `cutoff`, at the step its last transition before the
 * cutoff reached ('listed' without one), with today's due date (the caller rewinds it). One query.
 */
export async function exitItemStepsAt(db: Db, m: Tx, planId: string, cutoff: string): Promise<ExitItemStep[]> {
  const rows = await db.rows(
    m,
    `SELECT x.id AS id, x.due_date AS due_date,
       COALESCE((SELECT t.to_status FROM exit_item_transitions t
                 WHERE t.exit_item_id = x.id AND t.at < ${db.param(1)} ORDER BY t.seq DESC LIMIT 1), 'listed') AS step
     FROM exit_items x WHERE x.plan_id = ${db.param(2)} AND x.created_at < ${db.param(3)}
     ORDER BY x.created_at, x.id`,
    // SQLite's ? binds in order of appearance, so the cutoff is passed twice.
    [cutoff, planId, cutoff],
  );
  return rows.map(([id, dueDate, status]) => ({ id: id as string, dueDate: dueDate as string | null, status: status as ExitItemStatus }));
}

/** Each item's steps in order, with the actors' names. */
async function historyOf(m: Tx, ids: string[]): Promise<Map<string, ExitItemTransition[]>> {
  const out = new Map<string, ExitItemTransition[]>();
  if (!ids.length) return out;
  const rows = await m
    .getRepository(ExitItemTransitionEntity)
    .find({ where: { exitItemId: In(ids) }, order: { exitItemId: 'ASC', seq: 'ASC' } });
  const names = await namesOf(m, rows.map((r) => r.actorId));
  for (const r of rows) out.set(r.exitItemId, [...(out.get(r.exitItemId) ?? []), toExitItemTransition(r, names)]);
  return out;
}
