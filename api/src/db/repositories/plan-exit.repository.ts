import type { Tx } from '../data-source';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { PlanMemberEntity } from '../entities/plan-member.entity';

/** The plan's members of role `agency`, with the accessUntil each carries (null: none of their own). */
export async function agencyMemberships(m: Tx, planId: string): Promise<Array<{ userId: string; accessUntil: string | null }>> {
  const rows = await m.getRepository(PlanMemberEntity).find({ where: { planId, role: 'agency' }, order: { userId: 'ASC' } });
  return rows.map((r) => ({ userId: r.userId, accessUntil: r.accessUntil ?? null }));
}

export async function setAccessUntil(m: Tx, planId: string, userId: string, accessUntil: string): Promise<void> {
  await m.getRepository(PlanMemberEntity).update({ planId, userId }, { accessUntil });
}

/**
 * Revoke the live API tokens scoped to this plan whose owner is a member of role `agency` in it
 * (docs/domain.md#ending-the-agency); how many. Unscoped tokens are left: out of the plan, they
 * answer 404 there like their owner.
 */
export async function revokeAgencyPlanTokens(m: Tx, planId: string, at: string): Promise<number> {
  const result = await m
    .getRepository(ApiTokenEntity)
    .createQueryBuilder()
    .update()
    .set({ revokedAt: at })
    .where('plan_id = :planId AND revoked_at IS NULL AND expires_at > :at', { planId, at })
    .andWhere("user_id IN (SELECT pm.user_id FROM plan_members pm WHERE pm.plan_id = :planId AND pm.role = 'agency')", { planId })
    .execute();
  return result.affected ?? 0;
}
