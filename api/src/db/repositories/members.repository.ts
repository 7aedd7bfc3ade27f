import { accessInForce, effectiveAccessUntil, type EffectiveRole, type Member, type Membership, type Page, type Role } from '@handover/shared';
import type { AuthUser, FoundRole } from '../../core/context';
import type { Db, Tx } from '../data-source';
import { bumpGeneration, planScope } from './cache-generations.repository';
import { PlanMemberEntity } from '../entities/plan-member.entity';
import { PlanEntity } from '../entities/plan.entity';
import { UserEntity } from '../entities/user.entity';

/** 2 MB: with keys of two ids, some 8,000 (plan, user) pairs (docs/architecture.md#the-cache-rule). */
const ROLE_CACHE_BYTES = 2 * 1024 * 1024;

export type { FoundRole };

/**
 * Roles found, by plan and user, so that a burst of requests checks membership once. Only found
 * roles are kept (a stranger's lookup always reaches the database), with the date they end, which
 * is compared with today on every use; every membership write and every change of a plan's
 * contract end calls invalidateRoles inside its transaction (docs/architecture.md#the-cache-rule).
 * Not exported: nothing else may invalidate it, or PostgreSQL's processes would not hear of it.
 */
const roleBound = { maxBytes: ROLE_CACHE_BYTES, sizeOf: (found: FoundRole) => 2 * (found.role.length + (found.until?.length ?? 0)) };
const roleCache = (db: Db) => db.cache<FoundRole>('roles', roleBound);

/** The same on PostgreSQL, kept under the plan's scope (docs/performance.md#caches-across-processes). */
export const sharedRoleCache = (db: Db) => db.sharedCache<FoundRole>('roles', roleBound);

/** The role cache's key: an admin is admin in every plan. */
export const roleKey = (planId: string, user: Pick<AuthUser, 'id' | 'isAdmin'>): string => `${planId}|${user.isAdmin ? '*' : user.id}`;

/**
 * Inside every write that changes members' roles in a plan (a membership, the contract end): drop
 * this process's roles (SQLite), or move the plan's generation on (PostgreSQL); after Db.lockPlan.
 */
export async function invalidateRoles(db: Db, m: Tx, planId: string): Promise<void> {
  if (db.dialect === 'sqlite') roleCache(db).invalidate();
  else await bumpGeneration(db, m, planScope(planId));
}

/**
 * SQL for the date a membership `pm` of plan `p` ends (docs/domain.md#access-lifecycle): its own
 * access_until, else the plan's contract end for an agency member; NULL: no end.
 */
const ACCESS_END_SQL = "COALESCE(pm.access_until, CASE WHEN pm.role = 'agency' THEN p.contract_end_date END)";

/** SQL true while a membership `pm` of plan `p` is in force on the date bound to `:today`. */
export const ACCESS_IN_FORCE_SQL = `(${ACCESS_END_SQL} IS NULL OR ${ACCESS_END_SQL} > :today)`;

/**
 * The caller's role from what a lookup found: whether the plan exists, and the membership's role,
 * own access end and the plan's contract end (null role: not a member). An admin is admin in every
 * plan that exists.
 */
export function foundRole(
  isAdmin: boolean,
  planExists: boolean,
  role: Role | null,
  accessUntil: string | null,
  contractEndDate: string | null,
): FoundRole | null {
  if (!planExists) return null;
  if (isAdmin) return { role: 'admin', until: null };
  return role ? { role, until: effectiveAccessUntil(role, accessUntil, contractEndDate) } : null;
}

/** A found role on `today`: null once its access has ended (docs/domain.md#access-lifecycle). */
export const roleOnDay = (found: FoundRole | null | undefined, today: string): EffectiveRole | null =>
  found && accessInForce(found.until, today) ? found.role : null;

/** The caller's role in the plan and when it ends, or null when the plan does not exist or they were never in it. */
export async function findRoleInPlan(db: Db, m: Tx, user: AuthUser, planId: string): Promise<FoundRole | null> {
  if (user.isAdmin) {
    const rows = await db.rows(m, `SELECT 1 FROM plans WHERE id = ${db.param(1)}`, [planId]);
    return foundRole(true, rows.length > 0, null, null, null);
  }
  const [row] = await db.rows(
    m,
    `SELECT pm.role, pm.access_until, p.contract_end_date FROM plan_members pm JOIN plans p ON p.id = pm.plan_id
     WHERE pm.plan_id = ${db.param(1)} AND pm.user_id = ${db.param(2)}`,
    [planId, user.id],
  );
  if (!row) return null;
  const [role, accessUntil, contractEndDate] = row as [Role, string | null, string | null];
  return foundRole(false, true, role, accessUntil, contractEndDate);
}

/**
 * The caller's role in the plan on `today`, or null when the plan does not exist, they are not in
 * it, or their access has ended (docs/domain.md#access-lifecycle).
 */
export async function roleInPlan(db: Db, m: Tx, user: AuthUser, planId: string, today: string): Promise<EffectiveRole | null> {
  return roleOnDay(await findRoleInPlan(db, m, user, planId), today);
}

/** roleInPlan through the role cache: what the route guard asks on every plan request. */
export async function cachedRoleInPlan(db: Db, user: AuthUser, planId: string, today: string): Promise<EffectiveRole | null> {
  const cache = roleCache(db);
  const key = roleKey(planId, user);
  let found = cache.get('', key);
  if (!found) {
    const generation = cache.generation('');
    found = (await db.read((m) => findRoleInPlan(db, m, user, planId))) ?? undefined;
    if (found) cache.set('', key, generation, found);
  }
  return roleOnDay(found, today);
}

/** The plans a user belongs to on `today` (ended memberships left out), by plan name. */
export async function membershipsOf(m: Tx, userId: string, today: string): Promise<Membership[]> {
  const rows = await m
    .getRepository(PlanMemberEntity)
    .createQueryBuilder('pm')
    .innerJoin(PlanEntity, 'p', 'p.id = pm.plan_id')
    .select(['pm.plan_id AS "planId"', 'p.name AS "planName"', 'pm.role AS "role"', `${ACCESS_END_SQL} AS "effectiveAccessUntil"`])
    .where('pm.user_id = :userId', { userId })
    .andWhere(ACCESS_IN_FORCE_SQL, { today })
    .orderBy('p.name', 'ASC')
    .getRawMany<Membership>();
  return rows.map((r) => ({ ...r, effectiveAccessUntil: r.effectiveAccessUntil ?? null }));
}

/** Every member, including those whose access has ended (the lead sees when it did). */
export async function listMembers(m: Tx, planId: string, q: { limit: number; offset: number }): Promise<Page<Member>> {
  const base = () =>
    m
      .getRepository(PlanMemberEntity)
      .createQueryBuilder('pm')
      .innerJoin(UserEntity, 'u', 'u.id = pm.user_id')
      .innerJoin(PlanEntity, 'p', 'p.id = pm.plan_id')
      .where('pm.plan_id = :planId', { planId });
  const rows = await base()
    .select([
      'pm.user_id AS "userId"',
      'u.email AS "email"',
      'u.name AS "name"',
      'pm.role AS "role"',
      'pm.access_until AS "accessUntil"',
      `${ACCESS_END_SQL} AS "effectiveAccessUntil"`,
    ])
    .orderBy('u.email', 'ASC')
    .limit(q.limit)
    .offset(q.offset)
    .getRawMany<Member>();
  const total = await base().getCount();
  const items = rows.map((r) => ({ ...r, accessUntil: r.accessUntil ?? null, effectiveAccessUntil: r.effectiveAccessUntil ?? null }));
  return { items, total, limit: q.limit, offset: q.offset };
}

export async function findMemberRole(m: Tx, planId: string, userId: string): Promise<Role | null> {
  return (await findMembership(m, planId, userId))?.role ?? null;
}

/** A membership's role and own accessUntil, or null when the user is not in the plan. */
export async function findMembership(m: Tx, planId: string, userId: string): Promise<{ role: Role; accessUntil: string | null } | null> {
  const row = await m.getRepository(PlanMemberEntity).findOne({ where: { planId, userId } });
  return row ? { role: row.role as Role, accessUntil: row.accessUntil ?? null } : null;
}

/** Add a member, or replace their role and accessUntil when they are one. */
export async function putMembership(
  m: Tx,
  planId: string,
  userId: string,
  fields: { role: Role; accessUntil: string | null },
  exists: boolean,
  at: string,
): Promise<void> {
  const repo = m.getRepository(PlanMemberEntity);
  if (exists) await repo.update({ planId, userId }, fields);
  else await repo.insert({ planId, userId, ...fields, createdAt: at });
}

/** How many members of the plan hold the role `lead`. */
export function countLeads(m: Tx, planId: string): Promise<number> {
  return m.getRepository(PlanMemberEntity).count({ where: { planId, role: 'lead' } });
}

export async function deleteMember(m: Tx, planId: string, userId: string): Promise<void> {
  await m.getRepository(PlanMemberEntity).delete({ planId, userId });
}
