import type { Baseline, BaselineDetail, BaselineItem, Page } from '@handover/shared';
import type { Db, Tx } from '../data-source';
import { BaselineEntity, BaselineItemEntity } from '../entities/baseline.entity';
import { findInPlan, pageFrom } from './common';

const toBaseline = (r: BaselineEntity): Baseline => ({
  id: r.id,
  planId: r.planId,
  name: r.name,
  createdAt: r.createdAt,
  milestoneCount: Number(r.milestoneCount),
});

export async function insertBaseline(m: Tx, baseline: Baseline, items: BaselineItem[]): Promise<void> {
  await m.getRepository(BaselineEntity).insert(baseline);
  const rows = items.map((i) => ({ baselineId: baseline.id, ...i }));
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) await m.getRepository(BaselineItemEntity).insert(rows.slice(i, i + 200));
}

/** A plan's baselines, newest first. */
export function listBaselines(m: Tx, planId: string, q: { limit: number; offset: number }): Promise<Page<Baseline>> {
  const qb = m
    .getRepository(BaselineEntity)
    .createQueryBuilder('b')
    .where('b.plan_id = :planId', { planId })
    .orderBy('b.created_at', 'DESC')
    .addOrderBy('b.id', 'DESC');
  return pageFrom(qb, q, toBaseline);
}

export async function findBaseline(m: Tx, planId: string, id: string): Promise<BaselineDetail> {
  const row = await findInPlan(m, BaselineEntity, planId, id, 'baseline');
  const items = await m.getRepository(BaselineItemEntity).find({ where: { baselineId: id }, order: { dueDate: 'ASC', milestoneId: 'ASC' } });
  return { ...toBaseline(row), items: items.map((i) => ({ milestoneId: i.milestoneId, dueDate: i.dueDate, weight: Number(i.weight) })) };
}

/**
 * SQL for the id of the plan's latest baseline (one taken before `before` when given), binding its
 * values into `params`: the milestone list reads each row's baseline date through it in the same
 * statement, so a page costs no extra round trip.
 */
export function latestBaselineIdSql(db: Db, params: unknown[], planId: string, before?: string): string {
  // Bound in the order they appear (SQLite's `?` are positional).
  const plan = db.param(params.push(planId));
  const cutoff = before === undefined ? '' : ` AND b.created_at < ${db.param(params.push(before))}`;
  return `(SELECT b.id FROM baselines b WHERE b.plan_id = ${plan}${cutoff} ORDER BY b.created_at DESC, b.id DESC LIMIT 1)`;
}

/** The due dates the latest baseline (taken before `before`, when given) froze, for these milestones. */
export async function baselineDueDates(db: Db, m: Tx, planId: string, ids: string[], before?: string): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const params: unknown[] = [];
  const latest = latestBaselineIdSql(db, params, planId, before);
  // A few ids are named in the statement; many (a whole plan's) are filtered here.
  const named = ids.length <= 50 ? ` AND i.milestone_id IN (${ids.map((id) => db.param(params.push(id))).join(', ')})` : '';
  const sql = `SELECT i.milestone_id, i.due_date FROM baseline_items i WHERE i.baseline_id = ${latest}${named}`;
  const rows = await db.rows(m, sql, params);
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r[0] as string)).map((r) => [r[0] as string, r[1] as string]));
}
