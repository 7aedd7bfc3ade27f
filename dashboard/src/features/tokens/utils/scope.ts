import { can, type ApiToken, type CreateApiToken, type Me, type Plan } from '@handover/shared';
import { numberOrNaN } from '../../../lib/form';

/** What the token may do, in words: all its owner's access, or posts in one plan (docs/domain.md#access-lifecycle). */
export function scopeText(token: Pick<ApiToken, 'planId' | 'scopes'>, planNames: ReadonlyMap<string, string>): string {
  if (token.planId === null || token.scopes.length === 0) return 'All my access';
  return `Record and import posts in ${planNames.get(token.planId) ?? 'a plan you no longer see'}`;
}

/** Whether a token expiring at `expiresAt` has stopped working at `now`. */
export const isExpired = (expiresAt: string, now: number): boolean => Date.parse(expiresAt) <= now;

/** The plans a scoped token may be made for: those where the caller may record posts (admins: every plan). */
export function scopablePlans(plans: readonly Plan[], me: Me): Plan[] {
  if (me.user.isAdmin) return [...plans];
  const roles = new Map(me.memberships.map((m) => [m.planId, m.role]));
  return plans.filter((p) => can(roles.get(p.id) ?? null, 'recordPosts'));
}

export type TokenValues = { name: string; expiresInDays: string; planId: string };

/** The form's values as the request body: a plan chosen means the `posts:write` scope in it. */
export const toCreateToken = (v: TokenValues): CreateApiToken => ({
  name: v.name,
  expiresInDays: numberOrNaN(v.expiresInDays),
  ...(v.planId ? { planId: v.planId, scopes: ['posts:write'] } : {}),
});
