import type { Page, Plan } from '@handover/shared';
import type { Db, Tx } from '../data-source';
import { PlanMemberEntity } from '../entities/plan-member.entity';
import { PlanEntity } from '../entities/plan.entity';
import { pageFrom, updateIfVersion } from './common';
import { ACCESS_IN_FORCE_SQL } from './members.repository';
import { toPlan } from './plan.mapper';
import { notFound } from '../../core/app-error';

export async function findPlan(m: Tx, planId: string): Promise<Plan> {
  const plan = await m.getRepository(PlanEntity).findOne({ where: { id: planId } });
  if (!plan) throw notFound('plan');
  return toPlan(plan);
}

export async function insertPlan(m: Tx, plan: Plan, leads: string[]): Promise<void> {
  await m.getRepository(PlanEntity).insert({ ...planColumns(plan), id: plan.id, version: plan.version, createdAt: plan.createdAt });
  for (const userId of leads) {
    await m.getRepository(PlanMemberEntity).insert({ planId: plan.id, userId, role: 'lead', createdAt: plan.createdAt });
  }
}

/**
 * The plans a user belongs to on `today` (all of them for an admin), by name; a membership whose
 * access has ended leaves its plan out (docs/domain.md#access-lifecycle).
 */
export function listPlans(
  m: Tx,
  user: { id: string; isAdmin: boolean },
  q: { limit: number; offset: number },
  today: string,
): Promise<Page<Plan>> {
  const qb = m.getRepository(PlanEntity).createQueryBuilder('p');
  if (!user.isAdmin) {
    qb.innerJoin(PlanMemberEntity, 'pm', `pm.plan_id = p.id AND pm.user_id = :userId AND ${ACCESS_IN_FORCE_SQL}`, { userId: user.id, today });
  }
  return pageFrom(qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC'), q, toPlan);
}

/** Write the plan's fields if it is still at `version`; false when someone else moved it on. */
export function updatePlanIfVersion(m: Tx, plan: Plan, version: number): Promise<boolean> {
  return updateIfVersion(m, PlanEntity, { id: plan.id }, version, { ...planColumns(plan), version: plan.version });
}

/**
 * Stamp the agency exit on the plan and move its version on, unless it was already exited (then
 * false): the conditional update is what makes a second exit, even a racing one, a 409
 * (docs/domain.md#ending-the-agency).
 */
export async function markPlanExited(m: Tx, planId: string, exitedAt: string, overrideReason: string | null): Promise<boolean> {
  const result = await m
    .getRepository(PlanEntity)
    .createQueryBuilder()
    .update()
    .set({ exitedAt, exitOverrideReason: overrideReason, updatedAt: exitedAt, version: () => 'version + 1' })
    .where('id = :planId AND exited_at IS NULL', { planId })
    .execute();
  return (result.affected ?? 0) === 1;
}

/** When the plan's agency exit was done (null: not yet, or no such plan); one primary-key read. */
export async function planExitedAt(db: Db, m: Tx, planId: string): Promise<string | null> {
  const [row] = await db.rows(m, `SELECT exited_at FROM plans WHERE id = ${db.param(1)}`, [planId]);
  return (row?.[0] as string | null | undefined) ?? null;
}

/**
 * The plan's columns besides id, version and createdAt: the targets are stored flat. `exitedAt` is
 * written only by the exit (markPlanExited), never by a create or an edit.
 */
function planColumns(p: Plan) {
  const { id: _id, version: _v, createdAt: _c, exitedAt: _e, targets, ...fields } = p;
  return {
    ...fields,
    targetInHouseShare: targets.inHouseShare,
    targetSustainWeeks: targets.sustainWeeks,
    targetInternalAdoption: targets.internalAdoption,
  };
}

