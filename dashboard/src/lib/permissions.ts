import type { EffectiveRole, Me } from '@handover/shared';

/**
 * The caller's role in a plan, to ask `can(role, permission)` from @handover/shared: `admin` for
 * admins (who may do what leads do in every plan), the member's role otherwise, null for a non-member.
 */
export function roleIn(me: Me | undefined, planId: string | undefined): EffectiveRole | null {
  if (!me || !planId) return null;
  if (me.user.isAdmin) return 'admin';
  return me.memberships.find((m) => m.planId === planId)?.role ?? null;
}
