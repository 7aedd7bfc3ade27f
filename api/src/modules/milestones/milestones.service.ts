import { randomUUID } from 'node:crypto';
import type {
  CreateMilestoneSchema,
  Milestone,
  MilestoneListQuery,
  Page,
  UpdateMilestoneSchema,
} from '@handover/shared';
import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import type { PlanCtx } from '../../http/context';
import { conflict, notFound, preconditionFailed, unprocessable, type FieldError } from '../../http/problem';
import { diff, type ActivityService } from '../activity/activity.service';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { MilestoneDependencyEntity, MilestoneEntity } from './milestone.entity';

/** Cached list pages (SQLite only), oldest evicted first. */
const MAX_CACHED_PAGES = 500;

export class MilestonesService {
  private readonly pages = new Map<string, { generation: number; json: string }>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
    private readonly idempotency: IdempotencyService,
  ) {}

  private today(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }

  /**
   * One plain SQL statement, rows as arrays: the page, the total (an uncorrelated subquery, run
   * once) and each row's dependencies joined into one string. This is the most-read list; the query
   * builder, per-row objects and extra round trips (PostgreSQL) cost more than the database did.
   */
  /**
   * The list page as JSON. On SQLite, where this process is the only writer, pages are kept per plan
   * and query until a milestone of the plan changes: every write bumps the plan's generation inside
   * its transaction (reads cannot interleave with it), and a page is served only for the generation
   * it was read at. On PostgreSQL other processes write too, so every call reads the database.
   */
  async listJson(ctx: PlanCtx, q: MilestoneListQuery): Promise<string> {
    if (this.deps.db.dialect !== 'sqlite') return JSON.stringify(await this.list(ctx, q));
    const key = `${ctx.planId}|${q.phase ?? ''}|${q.status ?? ''}|${q.overdue ?? ''}|${q.limit}|${q.offset}|${this.today()}`;
    const generation = this.generations.get(ctx.planId) ?? 0;
    const cached = this.pages.get(key);
    if (cached && cached.generation === generation) return cached.json;
    const json = JSON.stringify(await this.list(ctx, q));
    if (this.pages.size >= MAX_CACHED_PAGES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { generation, json });
    return json;
  }

  /** Call inside every transaction that changes a plan's milestones or their dependencies. */
  private invalidate(planId: string): void {
    this.generations.set(planId, (this.generations.get(planId) ?? 0) + 1);
  }

  async list(ctx: PlanCtx, q: MilestoneListQuery): Promise<Page<Milestone>> {
    const db = this.deps.db;
    // Each use of the conditions binds its own copy of the values (SQLite's `?` are positional).
    const params: unknown[] = [];
    const conditions = (alias: string) => {
      const where = [`${alias}.plan_id = ${db.param(params.push(ctx.planId))}`];
      if (q.phase) where.push(`${alias}.phase = ${db.param(params.push(q.phase))}`);
      if (q.status) where.push(`${alias}.status = ${db.param(params.push(q.status))}`);
      if (q.overdue === true) where.push(`${alias}.due_date < ${db.param(params.push(this.today()))} AND ${alias}.status <> 'done'`);
      if (q.overdue === false) where.push(`(${alias}.due_date >= ${db.param(params.push(this.today()))} OR ${alias}.status = 'done')`);
      return where.join(' AND ');
    };
    const joined = db.dialect === 'postgres' ? 'string_agg(d.depends_on_id, \',\')' : "group_concat(d.depends_on_id, ',')";
    const sql = `SELECT ${MILESTONE_COLUMNS.map((c) => `ms.${c}`).join(', ')},
        (SELECT COUNT(*) FROM milestones t WHERE ${conditions('t')}) AS total,
        (SELECT ${joined} FROM milestone_dependencies d WHERE d.milestone_id = ms.id) AS depends_on
      FROM milestones ms WHERE ${conditions('ms')}
      ORDER BY ms.due_date ASC, ms.title ASC, ms.id ASC
      LIMIT ${db.param(params.push(q.limit))} OFFSET ${db.param(params.push(q.offset))}`;
    return db.read(async (m) => {
      const rows = await db.rows(m, sql, params);
      let total = rows.length ? Number(rows[0]![TOTAL]) : 0;
      if (!rows.length && q.offset > 0) {
        // Past the end no row carries the total: count on its own.
        params.length = 0;
        const counted = await db.rows(m, `SELECT COUNT(*) FROM milestones t WHERE ${conditions('t')}`, params);
        total = Number(counted[0]?.[0] ?? 0);
      }
      return {
        items: rows.map((r) => {
          const dependsOn = r[DEPENDS_ON] ? String(r[DEPENDS_ON]).split(',') : [];
          return toMilestone(fromRow(r), dependsOn);
        }),
        total,
        limit: q.limit,
        offset: q.offset,
      };
    });
  }

  async get(ctx: PlanCtx, id: string): Promise<Milestone> {
    return this.deps.db.read(async (m) => {
      const row = await findMilestone(m, ctx.planId, id);
      return toMilestone(row, (await dependenciesOf(m, [id])).get(id) ?? []);
    });
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateMilestoneSchema>): Promise<Milestone> {
    return this.deps.db.write(async (m) => {
      this.invalidate(ctx.planId);
      await this.deps.db.lockPlan(m, ctx.planId);
      const deps = await this.loadDependencies(m, ctx.planId, input.dependsOn);
      const now = this.deps.clock.now().toISOString();
      if (input.status === 'done') assertDependenciesDone(deps);
      const row: MilestoneEntity = {
        id: randomUUID(),
        planId: ctx.planId,
        title: input.title,
        description: input.description ?? null,
        phase: input.phase,
        owner: input.owner ?? null,
        dueDate: input.dueDate,
        status: input.status,
        weight: input.weight,
        completedAt: input.status === 'done' ? now : null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.getRepository(MilestoneEntity).insert(row);
      await replaceDependencies(m, row.id, input.dependsOn);
      const dto = toMilestone(row, input.dependsOn);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'create',
        entity: 'milestone',
        entityId: row.id,
        changes: snapshot(dto),
      });
      await this.idempotency.remember(m, ctx, dto);
      return dto;
    });
  }

  async update(
    ctx: PlanCtx,
    id: string,
    version: number,
    input: z.output<typeof UpdateMilestoneSchema>,
  ): Promise<Milestone> {
    return this.deps.db.write(async (m) => {
      this.invalidate(ctx.planId);
      await this.deps.db.lockPlan(m, ctx.planId);
      const row = await findMilestone(m, ctx.planId, id);
      if (row.version !== version) throw preconditionFailed(row.version);
      const currentDeps = (await dependenciesOf(m, [id])).get(id) ?? [];
      const before = toMilestone(row, currentDeps);
      const dependsOn = input.dependsOn ?? currentDeps;
      if (input.dependsOn) await this.assertNoCycle(m, ctx.planId, id, input.dependsOn);
      const deps = await this.loadDependencies(m, ctx.planId, dependsOn);
      const status = input.status ?? row.status;
      if (status === 'done' && (row.status !== 'done' || input.dependsOn)) assertDependenciesDone(deps);
      const now = this.deps.clock.now().toISOString();
      const completedAt = status === 'done' ? (row.status === 'done' ? row.completedAt : now) : null;
      const next = {
        title: input.title ?? row.title,
        description: input.description !== undefined ? input.description : row.description,
        phase: input.phase ?? row.phase,
        owner: input.owner !== undefined ? input.owner : row.owner,
        dueDate: input.dueDate ?? row.dueDate,
        status,
        weight: input.weight ?? row.weight,
        completedAt,
        version: version + 1,
        updatedAt: now,
      };
      // Conditional on the version read: of two racing edits exactly one matches.
      const result = await m
        .getRepository(MilestoneEntity)
        .createQueryBuilder()
        .update()
        .set(next)
        .where('id = :id AND plan_id = :planId AND version = :version', { id, planId: ctx.planId, version })
        .execute();
      if (!result.affected) throw preconditionFailed((await findMilestone(m, ctx.planId, id)).version);
      if (input.dependsOn) await replaceDependencies(m, id, input.dependsOn);
      const after = toMilestone({ ...row, ...next }, dependsOn);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'update',
        entity: 'milestone',
        entityId: id,
        changes: diff(snapshot(before), snapshot(after)),
      });
      return after;
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.deps.db.write(async (m) => {
      this.invalidate(ctx.planId);
      await this.deps.db.lockPlan(m, ctx.planId);
      const row = await findMilestone(m, ctx.planId, id);
      if (version !== undefined && row.version !== version) throw preconditionFailed(row.version);
      const dependents = await m.getRepository(MilestoneDependencyEntity).find({ where: { dependsOnId: id } });
      if (dependents.length) {
        throw conflict(
          `${dependents.length} other milestone(s) depend on this one; remove those dependencies first.`,
          'has-dependents',
        );
      }
      await m.getRepository(MilestoneDependencyEntity).delete({ milestoneId: id });
      await m.getRepository(MilestoneEntity).delete({ id, planId: ctx.planId });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'milestone',
        entityId: id,
        changes: { title: row.title, phase: row.phase },
      });
    });
  }

  /** Every id must be a milestone of this plan; an id from another plan is as unknown as a made-up one. */
  private async loadDependencies(m: EntityManager, planId: string, ids: string[]): Promise<MilestoneEntity[]> {
    if (!ids.length) return [];
    const found = await m.getRepository(MilestoneEntity).find({ where: { id: In(ids), planId } });
    const known = new Set(found.map((f) => f.id));
    const errors: FieldError[] = ids.flatMap((id, i) =>
      known.has(id) ? [] : [{ path: `dependsOn.${i}`, message: 'no such milestone in this plan' }],
    );
    if (errors.length) throw unprocessable(errors, 'A dependency does not exist in this plan.');
    return found;
  }

  /** Refuse an edge set that would let `id` reach itself. */
  private async assertNoCycle(m: EntityManager, planId: string, id: string, dependsOn: string[]): Promise<void> {
    const selfIndex = dependsOn.indexOf(id);
    if (selfIndex >= 0) {
      throw unprocessable([{ path: `dependsOn.${selfIndex}`, message: 'a milestone cannot depend on itself' }], 'Dependency cycle.');
    }
    const edges = await m
      .getRepository(MilestoneDependencyEntity)
      .createQueryBuilder('d')
      .innerJoin(MilestoneEntity, 'ms', 'ms.id = d.milestone_id')
      .where('ms.plan_id = :planId', { planId })
      .getMany();
    const graph = new Map<string, string[]>();
    for (const e of edges) {
      if (e.milestoneId === id) continue; // replaced by the new set
      graph.set(e.milestoneId, [...(graph.get(e.milestoneId) ?? []), e.dependsOnId]);
    }
    graph.set(id, dependsOn);
    dependsOn.forEach((start, index) => {
      const seen = new Set<string>();
      const stack = [start];
      while (stack.length) {
        const node = stack.pop()!;
        if (node === id) {
          throw unprocessable(
            [{ path: `dependsOn.${index}`, message: 'would create a dependency cycle' }],
            'Dependency cycle.',
          );
        }
        if (seen.has(node)) continue;
        seen.add(node);
        stack.push(...(graph.get(node) ?? []));
      }
    });
  }
}

function assertDependenciesDone(deps: MilestoneEntity[]): void {
  const open = deps.filter((d) => d.status !== 'done');
  if (open.length) {
    throw conflict(
      `Cannot be done while ${open.length} dependency(ies) are not done: ${open.map((d) => d.title).join(', ')}.`,
      'unmet-dependency',
    );
  }
}

async function findMilestone(m: EntityManager, planId: string, id: string): Promise<MilestoneEntity> {
  const row = await m.getRepository(MilestoneEntity).findOne({ where: { id, planId } });
  if (!row) throw notFound('milestone');
  return row;
}

async function dependenciesOf(m: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const edges = await m
    .getRepository(MilestoneDependencyEntity)
    .find({ where: { milestoneId: In(ids) }, order: { dependsOnId: 'ASC' } });
  for (const e of edges) out.set(e.milestoneId, [...(out.get(e.milestoneId) ?? []), e.dependsOnId]);
  return out;
}

async function replaceDependencies(m: EntityManager, id: string, dependsOn: string[]): Promise<void> {
  const repo = m.getRepository(MilestoneDependencyEntity);
  await repo.delete({ milestoneId: id });
  if (dependsOn.length) await repo.insert(dependsOn.map((dependsOnId) => ({ milestoneId: id, dependsOnId })));
}

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
/** Where the list query puts the total and the joined dependency ids, after MILESTONE_COLUMNS. */
const TOTAL = MILESTONE_COLUMNS.length;
const DEPENDS_ON = TOTAL + 1;
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

export function toMilestone(r: MilestoneEntity, dependsOn: string[]): Milestone {
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
    version: Number(r.version),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function snapshot(ms: Milestone): Record<string, unknown> {
  const { id: _i, planId: _p, version: _v, createdAt: _c, updatedAt: _u, ...rest } = ms;
  return rest;
}
