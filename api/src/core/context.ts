import type { EffectiveRole } from '@handover/shared';

export type { EffectiveRole };

export type AuthUser = { id: string; email: string; name: string; isAdmin: boolean };

export type Credential = { kind: 'session' | 'api-token'; id: string };

/** Who is asking, as the edge established it; services receive this, never the HTTP request. */
export type RequestCtx = {
  requestId: string;
  /** The client's address (behind a trusted proxy, the one it names): sign-in rate limits count per address. */
  clientAddress: string;
  user: AuthUser | null;
  credential: Credential | null;
};

export type UserCtx = RequestCtx & { user: AuthUser; credential: Credential };

export type PlanCtx = UserCtx & { planId: string; role: EffectiveRole };
