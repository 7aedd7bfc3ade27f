import type { EffectiveRole, Member, Page, Role } from '@handover/shared';
import type { AuthUser } from '../../core/context';
import type { Db, Tx } from '../data-source';
import { PlanMemberEntity } from '../entities/plan-member.entity';
import { PlanEntity } from '../entities/plan.entity';
import { UserEntity } from '../entities/user.entity';

/** 2 MB: with keys of two ids, some 8,000 (plan, user) pairs (docs/architecture.md#the-cache-rule). */
const ROLE_CACHE_BYTES = 2 * 1024 * 1024;

/**
 * Roles found, by plan and user, so that a burst of requests checks membership once. Only found
 * roles are kept (a stranger's lookup always reaches the database); every membership write
 * invalidates it inside its transaction (docs/architecture.md#the-cache-rule).
 */
export const roleCache = (db: Db) => db.cache<EffectiveRole>('roles', { maxBytes: ROLE_CACHE_BYTES, sizeOf: (role) => 2 * role.length });

/** The caller's role in the plan, or null when the plan does not exist or they are not in it. */
export async function roleInPlan(db: Db, m: Tx, user: AuthUser, planId: string): Promise<EffectiveRole | null> {
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

/** roleInPlan through the role cache: what the route guard asks on every plan request. */
export async function cachedRoleInPlan(db: Db, user: AuthUser, planId: string): Promise<EffectiveRole | null> {
  const cache = roleCache(db);
  const key = `${planId}|${user.isAdmin ? '*' : user.id}`;
  const known = cache.get('', key);
  if (known) return known;
  const generation = cache.generation('');
  const role = await db.read((m) => roleInPlan(db, m, user, planId));
  if (role) cache.set('', key, generation, role);
  return role;
}

/** The plans a user belongs to, by plan name. */
export function membershipsOf(m: Tx, userId: string): Promise<Array<{ planId: string; planName: string; role: Role }>> {
  return m
    .getRepository(PlanMemberEntity)
    .createQueryBuilder('pm')
    .innerJoin(PlanEntity, 'p', 'p.id = pm.plan_id')
    .select(['pm.plan_id AS "planId"', 'p.name AS "planName"', 'pm.role AS "role"'])
    .where('pm.user_id = :userId', { userId })
    .orderBy('p.name', 'ASC')
    .getRawMany<{ planId: string; planName: string; role: Role }>();
}

export async function listMembers(m: Tx, planId: string, q: { limit: number; offset: number }): Promise<Page<Member>> {
  const base = () =>
    m
      .getRepository(PlanMemberEntity)
      .createQueryBuilder('pm')
      .innerJoin(UserEntity, 'u', 'u.id = pm.user_id')
      .where('pm.plan_id = :planId', { planId });
  const rows = await base()
    .select(['pm.user_id AS "userId"', 'u.email AS "email"', 'u.name AS "name"', 'pm.role AS "role"'])
    .orderBy('u.email', 'ASC')
    .limit(q.limit)
    .offset(q.offset)
    .getRawMany<Member>();
  const total = await base().getCount();
  return { items: rows, total, limit: q.limit, offset: q.offset };
}

export async function findMemberRole(m: Tx, planId: string, userId: string): Promise<Role | null> {
  const row = await m.getRepository(PlanMemberEntity).findOne({ where: { planId, userId } });
  return (row?.role as Role | undefined) ?? null;
}

/** Add a member, or change their role when they are one. */
export async function putMemberRole(m: Tx, planId: string, userId: string, role: Role, exists: boolean, at: string): Promise<void> {
  const repo = m.getRepository(PlanMemberEntity);
  if (exists) await repo.update({ planId, userId }, { role });
  else await repo.insert({ planId, userId, role, createdAt: at });
}

/** How many members of the plan hold the role `lead`. */
export function countLeads(m: Tx, planId: string): Promise<number> {
  return m.getRepository(PlanMemberEntity).count({ where: { planId, role: 'lead' } });
}

export async function deleteMember(m: Tx, planId: string, userId: string): Promise<void> {
  await m.getRepository(PlanMemberEntity).delete({ planId, userId });
}
