import { daysBetween, type Milestone, type MilestoneListQuery, type Page } from '@handover/shared';
import { In } from 'typeorm';
import type { Db, Tx } from '../data-source';
import { MilestoneDependencyEntity, MilestoneEntity } from '../entities/milestone.entity';
import { baselineDueDates, latestBaselineIdSql } from './baselines.repository';
import { findInPlan, updateIfVersion } from './common';

const MILESTONE_COLUMNS = [
  'id',
  'plan_id',
  'title',
  'description',
  'phase',
  'owner',
  'due_date',
  'status',
  'weight',
  'completed_at',
  'version',
  'created_at',
  'updated_at',
];
/** Where the list query puts the total, the joined dependency ids and the baseline date, after MILESTONE_COLUMNS. */
const TOTAL = MILESTONE_COLUMNS.length;
const DEPENDS_ON = TOTAL + 1;
const BASELINE_DUE = TOTAL + 2;

/** A row of MILESTONE_COLUMNS, as an array. */
const fromRow = (r: unknown[]): MilestoneEntity => ({
  id: r[0] as string,
  planId: r[1] as string,
  title: r[2] as string,
  description: r[3] as string | null,
  phase: r[4] as string,
  owner: r[5] as string | null,
  dueDate: r[6] as string,
  status: r[7] as string,
  weight: Number(r[8]),
  completedAt: r[9] as string | null,
  version: Number(r[10]),
  createdAt: r[11] as string,
  updatedAt: r[12] as string,
});

/** The milestone measured against a baseline's date for it (docs/domain.md#status-over-time). */
export function withBaseline<T extends { dueDate: string }>(ms: T, baselineDueDate: string | null): T & { baselineDueDate: string | null; slipDays: number | null } {
  return { ...ms, baselineDueDate, slipDays: baselineDueDate === null ? null : daysBetween(baselineDueDate, ms.dueDate) };
}

export function toMilestone(r: MilestoneEntity, dependsOn: string[], baselineDueDate: string | null = null): Milestone {
  return {
    id: r.id,
    planId: r.planId,
    title: r.title,
    description: r.description,
    phase: r.phase as Milestone['phase'],
    owner: r.owner,
    dueDate: r.dueDate,
    status: r.status as Milestone['status'],
    weight: Number(r.weight),
    dependsOn: [...dependsOn].sort(),
    completedAt: r.completedAt,
    baselineDueDate,
    slipDays: baselineDueDate === null ? null : daysBetween(baselineDueDate, r.dueDate),
    version: Number(r.version),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * One plain SQL statement, rows as arrays: the page, the total (an uncorrelated subquery, run
 * once) and each row's dependencies joined into one string. This is the most-read list; the query
 * builder, per-row objects and extra round trips (PostgreSQL) cost more than the database did.
 */
export async function listMilestones(db: Db, m: Tx, planId: string, q: MilestoneListQuery, today: string): Promise<Page<Milestone>> {
  // Each use of the conditions binds its own copy of the values (SQLite's `?` are positional).
  const params: unknown[] = [];
  const conditions = (alias: string) => {
    const where = [`${alias}.plan_id = ${db.param(params.push(planId))}`];
    if (q.phase) where.push(`${alias}.phase = ${db.param(params.push(q.phase))}`);
    if (q.status) where.push(`${alias}.status = ${db.param(params.push(q.status))}`);
    if (q.overdue === true) where.push(`${alias}.due_date < ${db.param(params.push(today))} AND ${alias}.status <> 'done'`);
    if (q.overdue === false) where.push(`(${alias}.due_date >= ${db.param(params.push(today))} OR ${alias}.status = 'done')`);
    return where.join(' AND ');
  };
  const joined = db.dialect === 'postgres' ? "string_agg(d.depends_on_id, ',')" : "group_concat(d.depends_on_id, ',')";
  // The latest baseline is found once (an uncorrelated subquery); each row then reads its item by primary key.
  const sql = `SELECT ${MILESTONE_COLUMNS.map((c) => `ms.${c}`).join(', ')},
      (SELECT COUNT(*) FROM milestones t WHERE ${conditions('t')}) AS total,
      (SELECT ${joined} FROM milestone_dependencies d WHERE d.milestone_id = ms.id) AS depends_on,
      (SELECT bi.due_date FROM baseline_items bi WHERE bi.baseline_id = ${latestBaselineIdSql(db, params, planId)} AND bi.milestone_id = ms.id) AS baseline_due
    FROM milestones ms WHERE ${conditions('ms')}
    ORDER BY ms.due_date ASC, ms.title ASC, ms.id ASC
    LIMIT ${db.param(params.push(q.limit))} OFFSET ${db.param(params.push(q.offset))}`;
  const rows = await db.rows(m, sql, params);
  let total = rows.length ? Number(rows[0]![TOTAL]) : 0;
  if (!rows.length && q.offset > 0) {
    // Past the end no row carries the total: count on its own.
    params.length = 0;
    const counted = await db.rows(m, `SELECT COUNT(*) FROM milestones t WHERE ${conditions('t')}`, params);
    total = Number(counted[0]?.[0] ?? 0);
  }
  return {
    items: rows.map((r) =>
      toMilestone(fromRow(r), r[DEPENDS_ON] ? String(r[DEPENDS_ON]).split(',') : [], (r[BASELINE_DUE] as string | null) ?? null),
    ),
    total,
    limit: q.limit,
    offset: q.offset,
  };
}

/** The milestone with its dependencies and its date in the latest baseline, or 404. */
export async function findMilestone(db: Db, m: Tx, planId: string, id: string): Promise<Milestone> {
  const row = await findInPlan(m, MilestoneEntity, planId, id, 'milestone');
  const baseline = await baselineDueDates(db, m, planId, [id]);
  return toMilestone(row, (await dependenciesOf(m, [id])).get(id) ?? [], baseline.get(id) ?? null);
}

/** Those of `ids` that are milestones of the plan (an id from another plan is as unknown as a made-up one). */
export async function milestonesAmong(m: Tx, planId: string, ids: string[]): Promise<Array<{ id: string; title: string; status: string }>> {
  if (!ids.length) return [];
  return m.getRepository(MilestoneEntity).find({ where: { id: In(ids), planId }, select: { id: true, title: true, status: true } });
}

/** Every dependency edge of the plan, as [milestoneId, dependsOnId]. */
export async function dependencyEdges(m: Tx, planId: string): Promise<Array<[string, string]>> {
  const edges = await m
    .getRepository(MilestoneDependencyEntity)
    .createQueryBuilder('d')
    .innerJoin(MilestoneEntity, 'ms', 'ms.id = d.milestone_id')
    .where('ms.plan_id = :planId', { planId })
    .getMany();
  return edges.map((e) => [e.milestoneId, e.dependsOnId]);
}

export const countDependents = (m: Tx, id: string): Promise<number> =>
  m.getRepository(MilestoneDependencyEntity).count({ where: { dependsOnId: id } });

async function dependenciesOf(m: Tx, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const edges = await m
    .getRepository(MilestoneDependencyEntity)
    .find({ where: { milestoneId: In(ids) }, order: { dependsOnId: 'ASC' } });
  for (const e of edges) out.set(e.milestoneId, [...(out.get(e.milestoneId) ?? []), e.dependsOnId]);
  return out;
}

export async function replaceDependencies(m: Tx, id: string, dependsOn: string[]): Promise<void> {
  const repo = m.getRepository(MilestoneDependencyEntity);
  await repo.delete({ milestoneId: id });
  if (dependsOn.length) await repo.insert(dependsOn.map((dependsOnId) => ({ milestoneId: id, dependsOnId })));
}

export async function insertMilestone(m: Tx, ms: Milestone): Promise<void> {
  const { dependsOn, baselineDueDate: _b, slipDays: _s, ...row } = ms;
  await m.getRepository(MilestoneEntity).insert(row);
  await replaceDependencies(m, ms.id, dependsOn);
}

/** Write the milestone's fields if it is still at `version`; false when someone else moved it on. */
export function updateMilestoneIfVersion(m: Tx, ms: Milestone, version: number): Promise<boolean> {
  const { id, planId, dependsOn: _d, createdAt: _c, baselineDueDate: _b, slipDays: _s, ...set } = ms;
  return updateIfVersion(m, MilestoneEntity, { id, planId }, version, set);
}

export async function deleteMilestone(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(MilestoneDependencyEntity).delete({ milestoneId: id });
  await m.getRepository(MilestoneEntity).delete({ id, planId });
}

/** Every milestone of the plan with its dependencies, by due date. */
export async function allMilestones(m: Tx, planId: string): Promise<Milestone[]> {
  const rows = await m.getRepository(MilestoneEntity).find({ where: { planId }, order: { dueDate: 'ASC', title: 'ASC', id: 'ASC' } });
  const deps = await dependenciesOf(m, rows.map((r) => r.id));
  return rows.map((r) => toMilestone(r, deps.get(r.id) ?? []));
}

