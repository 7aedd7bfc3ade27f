import type { Me, Role } from '@handover/shared';

/** The caller's effective role in a plan; admins act as lead everywhere. */
export function roleIn(me: Me | undefined, planId: string | undefined): Role | null {
  if (!me || !planId) return null;
  if (me.user.isAdmin) return 'lead';
  return me.memberships.find((m) => m.planId === planId)?.role ?? null;
}

export type Ability =
  | 'editPlan'
  | 'readSensitive'
  | 'createHandover'
  | 'acceptHandover'
  | 'recordPosts'
  | 'recordAnySource'
  | 'manageMembers';

/** DESIGN section 6, as far as the dashboard needs it to hide what would be refused. */
export function can(role: Role | null, ability: Ability): boolean {
  switch (ability) {
    case 'editPlan':
    case 'acceptHandover':
    case 'recordAnySource':
    case 'manageMembers':
      return role === 'lead';
    case 'readSensitive':
      return role === 'lead' || role === 'executive';
    case 'createHandover':
    case 'recordPosts':
      return role === 'lead' || role === 'agency';
  }
}
