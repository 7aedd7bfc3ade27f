import { can, type PlanPermission } from '@handover/shared';
import { forbidden, notFound } from '../core/app-error';
import type { PlanCtx, UserCtx } from '../core/context';
import type { Db } from '../db/data-source';
import { cachedRoleInPlan } from '../db/repositories/members.repository';

/**
 * The plan guard (docs/domain.md#who-may-do-what): 404 for strangers (never reveal the plan
 * exists), 403 for members whose role may not do this.
 */
export async function authorizePlan(db: Db, ctx: UserCtx, planId: string, permission: PlanPermission): Promise<PlanCtx> {
  const role = await cachedRoleInPlan(db, ctx.user, planId);
  if (!role) throw notFound('plan');
  if (!can(role, permission)) throw forbidden();
  return { ...ctx, planId, role };
}
