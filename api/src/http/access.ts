import { can, type ApiTokenScope, type PlanPermission } from '@handover/shared';
import { conflict, forbidden, notFound } from '../core/app-error';
import { today, type Clock } from '../core/clock';
import type { PlanCtx, UserCtx } from '../core/context';
import type { Db } from '../db/data-source';
import { cachedRoleInPlan, roleOnDay } from '../db/repositories/members.repository';
import { planExitedAt } from '../db/repositories/plans.repository';

/**
 * The plan guard (docs/domain.md#who-may-do-what): 404 for strangers (never reveal the plan
 * exists), 403 for members whose role may not do this.
 */
export async function authorizePlan(
  db: Db,
  clock: Clock,
  ctx: UserCtx,
  planId: string,
  permission: PlanPermission,
  write: boolean,
): Promise<PlanCtx> {
  // A member whose access has ended is a stranger again (docs/domain.md#access-lifecycle). On
  // PostgreSQL the role was read with the credential (docs/performance.md#the-postgresql-read-path).
  const day = today(clock);
  const access = ctx.planAccess?.planId === planId ? ctx.planAccess : undefined;
  const role = access ? roleOnDay(access.found, day) : await cachedRoleInPlan(db, ctx.user, planId, day);
  if (!role) throw notFound('plan');
  if (!can(role, permission)) throw forbidden();
  if (write && role === 'agency') await assertAgencySideOpen(db, planId);
  return { ...ctx, planId, role };
}

/**
 * Once the agency exit is done the plan is read-only on the agency side
 * (docs/domain.md#ending-the-agency): a write by a member of role `agency` (one a lead let back in
 * after the exit) is 409 `plan-exited`, naming the day. Only agency writes pay for this read.
 */
async function assertAgencySideOpen(db: Db, planId: string): Promise<void> {
  const exitedAt = await db.read((m) => planExitedAt(db, m, planId));
  if (exitedAt) {
    throw conflict(
      `The agency exit was done on ${exitedAt.slice(0, 10)}: the plan is read-only for agency staff. Ask a lead to record this.`,
      'plan-exited',
    );
  }
}

/**
 * A scoped API token may only do what its scopes name, in its own plan (docs/domain.md#access-lifecycle):
 * anything else is 403, whatever its owner's role.
 */
export function assertTokenScope(ctx: UserCtx, scope: ApiTokenScope | undefined, planId: string | undefined): void {
  const limit = ctx.credential.scope;
  if (!limit) return;
  if (!scope || !limit.scopes.includes(scope) || planId !== limit.planId) {
    throw forbidden('This API token is limited to recording posts in one plan.');
  }
}
