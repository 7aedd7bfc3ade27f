import type { EntityManager } from 'typeorm';
import type { Db } from '../db/data-source';
import type { EffectiveRole, PlanCtx, UserCtx } from './context';
import { forbidden, notFound } from './problem';

/**
 * DESIGN section 6 as data: which effective roles may do each kind of thing inside a plan.
 * Admins act as leads everywhere; non-members get 404 before any of this is consulted.
 */
export const PLAN_ACCESS = {
  read: ['admin', 'lead', 'executive', 'agency'],
  readSensitive: ['admin', 'lead', 'executive'],
  edit: ['admin', 'lead'],
  handover: ['admin', 'lead', 'agency'],
  acceptHandover: ['admin', 'lead'],
  recordPosts: ['admin', 'lead', 'agency'],
} as const satisfies Record<string, readonly EffectiveRole[]>;

export type PlanAccess = keyof typeof PLAN_ACCESS;

/** The caller's role in the plan, or null when the plan does not exist or they are not in it. */
export async function roleInPlan(
  db: Db,
  m: EntityManager,
  user: UserCtx['user'],
  planId: string,
): Promise<EffectiveRole | null> {
  if (user.isAdmin) {
    const rows = await db.rows(m, `SELECT 1 FROM plans WHERE id = ${db.param(1)}`, [planId]);
    return rows.length ? 'admin' : null;
  }
  const [row] = await db.rows(
    m,
    `SELECT role FROM plan_members WHERE plan_id = ${db.param(1)} AND user_id = ${db.param(2)}`,
    [planId, user.id],
  );
  return (row?.[0] as EffectiveRole | undefined) ?? null;
}

/**
 * Roles found on SQLite, per database, so that a burst of requests checks membership once. Only
 * found roles are kept (a stranger's lookup always reaches the database), and every membership
 * write calls forgetRoles inside its transaction. PostgreSQL runs several processes: no cache.
 */
const knownRoles = new WeakMap<Db, { generation: number; roles: Map<string, EffectiveRole> }>();
const MAX_KNOWN_ROLES = 10_000;

function rolesOf(db: Db) {
  let entry = knownRoles.get(db);
  if (!entry) knownRoles.set(db, (entry = { generation: 0, roles: new Map() }));
  return entry;
}

/** Call inside every transaction that adds, changes or removes a membership. */
export function forgetRoles(db: Db): void {
  const entry = rolesOf(db);
  entry.generation++;
  entry.roles.clear();
}

async function cachedRole(db: Db, user: UserCtx['user'], planId: string): Promise<EffectiveRole | null> {
  if (db.dialect !== 'sqlite') return db.read((m) => roleInPlan(db, m, user, planId));
  const entry = rolesOf(db);
  const key = `${planId}|${user.isAdmin ? '*' : user.id}`;
  const known = entry.roles.get(key);
  if (known) return known;
  const generation = entry.generation;
  const role = await db.read((m) => roleInPlan(db, m, user, planId));
  // Not if memberships changed while this read was in flight.
  if (role && generation === entry.generation) {
    if (entry.roles.size >= MAX_KNOWN_ROLES) entry.roles.clear();
    entry.roles.set(key, role);
  }
  return role;
}

/** 404 for strangers (never reveal the plan exists), 403 for members whose role may not do this. */
export async function authorizePlan(db: Db, ctx: UserCtx, planId: string, access: PlanAccess): Promise<PlanCtx> {
  const role = await cachedRole(db, ctx.user, planId);
  if (!role) throw notFound('plan');
  if (!(PLAN_ACCESS[access] as readonly EffectiveRole[]).includes(role)) throw forbidden();
  return { ...ctx, planId, role };
}

export function can(ctx: PlanCtx, access: PlanAccess): boolean {
  return (PLAN_ACCESS[access] as readonly EffectiveRole[]).includes(ctx.role);
}
