import type { Handover, HandoverListQuerySchema, HandoverStatus, Page, Transition } from '@handover/shared';
import { In } from 'typeorm';
import type { z } from 'zod';
import type { Db, Tx } from '../data-source';
import { HandoverEntity, HandoverTransitionEntity } from '../entities/handover.entity';
import { findInPlan, nextSeq, updateIfVersion } from './common';
import { toHandover, toTransition } from './handover.mapper';
import { namesOf } from './users.repository';

type HandoverListQuery = z.output<typeof HandoverListQuerySchema>;

export async function listHandovers(m: Tx, planId: string, q: HandoverListQuery): Promise<Page<Handover>> {
  const qb = m.getRepository(HandoverEntity).createQueryBuilder('h').where('h.plan_id = :planId', { planId });
  if (q.status) qb.andWhere('h.status = :status', { status: q.status });
  if (q.channel !== undefined) qb.andWhere('h.channel = :channel', { channel: q.channel });
  const [rows, total] = await qb
    .orderBy('h.created_at', 'ASC')
    .addOrderBy('h.id', 'ASC')
    .take(q.limit)
    .skip(q.offset)
    .getManyAndCount();
  const history = await historyOf(m, rows.map((r) => r.id));
  return { items: rows.map((r) => toHandover(r, history.get(r.id) ?? [])), total, limit: q.limit, offset: q.offset };
}

/** The handover with its history, or 404. */
export async function findHandover(m: Tx, planId: string, id: string): Promise<Handover> {
  const row = await findInPlan(m, HandoverEntity, planId, id, 'handover');
  return toHandover(row, (await historyOf(m, [id])).get(id) ?? []);
}

export async function insertHandover(m: Tx, h: Handover): Promise<void> {
  const { history: _h, ...row } = h;
  await m.getRepository(HandoverEntity).insert(row);
}

/** Write the handover's fields if it is still at `version`; false when someone else moved it on. */
export function updateHandoverIfVersion(m: Tx, h: Handover, version: number): Promise<boolean> {
  const { id, planId, history: _h, createdAt: _c, ...set } = h;
  return updateIfVersion(m, HandoverEntity, { id, planId }, version, set);
}

/** Append a step to the handover's history (call under the plan lock: the sequence number is max + 1). */
export async function appendTransition(m: Tx, step: Omit<HandoverTransitionEntity, 'seq' | 'handover'>): Promise<void> {
  const seq = await nextSeq(m, HandoverTransitionEntity, 'x.handover_id = :id', { id: step.handoverId });
  await m.getRepository(HandoverTransitionEntity).insert({ ...step, seq });
}

export async function deleteHandover(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(HandoverTransitionEntity).delete({ handoverId: id });
  await m.getRepository(HandoverEntity).delete({ id, planId });
}

/** Every handover of the plan with its history, oldest first. */
export async function allHandovers(m: Tx, planId: string): Promise<Handover[]> {
  const rows = await m.getRepository(HandoverEntity).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const history = await historyOf(m, rows.map((r) => r.id));
  return rows.map((r) => toHandover(r, history.get(r.id) ?? []));
}

/** A handover as the summary needs it at a cutoff: no title, no history rows. */
export type HandoverStep = { id: string; status: HandoverStatus; targetDate: string | null };

/**
 * Every handover of the plan created before `cutoff`, at the step its last transition before the
 * cutoff reached ('agency' without one), with today's target date (the caller rewinds it). One
 * query, rows as arrays: the summary reads this on every request, however many handovers there are.
 */
export async function handoverStepsAt(db: Db, m: Tx, planId: string, cutoff: string): Promise<HandoverStep[]> {
  const rows = await db.rows(
    m,
    `SELECT h.id AS id, h.target_date AS target_date,
       COALESCE((SELECT t.to_status FROM handover_transitions t
                 WHERE t.handover_id = h.id AND t.at < ${db.param(1)} ORDER BY t.seq DESC LIMIT 1), 'agency') AS step
     FROM handovers h WHERE h.plan_id = ${db.param(2)} AND h.created_at < ${db.param(3)}
     ORDER BY h.created_at, h.id`,
    // SQLite's ? binds in order of appearance, so the cutoff is passed twice.
    [cutoff, planId, cutoff],
  );
  return rows.map(([id, targetDate, status]) => ({ id: id as string, targetDate: targetDate as string | null, status: status as HandoverStatus }));
}

/** Each handover's steps in order, with the actors' names. */
async function historyOf(m: Tx, ids: string[]): Promise<Map<string, Transition[]>> {
  const out = new Map<string, Transition[]>();
  if (!ids.length) return out;
  const rows = await m
    .getRepository(HandoverTransitionEntity)
    .find({ where: { handoverId: In(ids) }, order: { handoverId: 'ASC', seq: 'ASC' } });
  const names = await namesOf(m, rows.map((r) => r.actorId));
  for (const r of rows) out.set(r.handoverId, [...(out.get(r.handoverId) ?? []), toTransition(r, names)]);
  return out;
}
