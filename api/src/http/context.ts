export type EffectiveRole = 'admin' | 'lead' | 'executive' | 'agency';

export type AuthUser = { id: string; email: string; name: string; isAdmin: boolean };

export type Credential = { kind: 'session' | 'api-token'; id: string };

export type RequestCtx = {
  requestId: string;
  user: AuthUser | null;
  credential: Credential | null;
  /** Set when a POST carries Idempotency-Key: the service stores its response in the same transaction. */
  idempotency: { key: string; requestHash: string; status: number } | null;
};

export type UserCtx = RequestCtx & { user: AuthUser; credential: Credential };

export type PlanCtx = UserCtx & { planId: string; role: EffectiveRole };
