import type { ApiTokenScope, EffectiveRole } from '@handover/shared';

export type { EffectiveRole };

export type AuthUser = { id: string; email: string; name: string; isAdmin: boolean };

/**
 * How the caller proved who they are. A scoped API token also names the one plan and the scopes it
 * is limited to (docs/domain.md#access-lifecycle).
 */
export type Credential = { kind: 'session' | 'api-token'; id: string; scope?: TokenScope };

export type TokenScope = { planId: string; scopes: ApiTokenScope[] };

/** A role found in a plan and the date it ends (null: no end); docs/domain.md#access-lifecycle. */
export type FoundRole = { role: EffectiveRole; until: string | null };

/**
 * Read with the credential, in the same statement, on PostgreSQL: the caller's role in the plan the
 * path names (null: a stranger, or no such plan) and that plan's cache generation
 * (docs/performance.md#the-postgresql-read-path).
 */
export type PlanAccess = { planId: string; found: FoundRole | null; generation: number };

/** Who is asking, as the edge established it; services receive this, never the HTTP request. */
export type RequestCtx = {
  requestId: string;
  /** The client's address (behind a trusted proxy, the one it names): sign-in rate limits count per address. */
  clientAddress: string;
  user: AuthUser | null;
  credential: Credential | null;
  /** Set by the edge on PostgreSQL for a path under /plans/{planId}: see PlanAccess. */
  planAccess?: PlanAccess;
  /**
   * Set by the edge for a request that must store its response with its change (Idempotency-Key):
   * the request's first write transaction runs it just before committing.
   */
  beforeCommit?: BeforeCommit;
};

/** Work for a write transaction to do just before it commits, with the transaction and what it returned. */
export type BeforeCommit = { run: (tx: unknown, result: unknown) => Promise<void>; done: boolean };

export type UserCtx = RequestCtx & { user: AuthUser; credential: Credential };

export type PlanCtx = UserCtx & { planId: string; role: EffectiveRole };

/**
 * The actor of work no request asked for (the scheduler): the activity log names it. Its id is no
 * user's (ids are UUIDv7, this is a fixed v4-shaped one).
 */
export const SYSTEM_USER: AuthUser = { id: '00000000-0000-4000-8000-000000000000', email: 'scheduler', name: 'Scheduler', isAdmin: false };

/** A context for scheduled work in a plan, acting as SYSTEM_USER. */
export function systemCtx(job: string, planId: string): PlanCtx {
  return { requestId: job, clientAddress: 'scheduler', user: SYSTEM_USER, credential: { kind: 'session', id: job }, planId, role: 'admin' };
}
