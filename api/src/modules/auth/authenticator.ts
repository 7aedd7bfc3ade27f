import type { Db, Tx } from '../../db/data-source';
import {
  apiTokenRowByHash,
  sessionRowByHash,
  splitSharedRow,
  touchApiToken,
  touchSession,
  userFromRow,
  scopesFromColumn,
  type SessionRow,
} from '../../db/repositories/auth.repository';
import { bumpGeneration, planScope, userScope } from '../../db/repositories/cache-generations.repository';
import { roleKey, sharedRoleCache } from '../../db/repositories/members.repository';
import type { AuthUser, Credential, PlanAccess } from '../../core/context';
import type { Deps } from '../deps';
import { API_TOKEN_PREFIX, SESSION_PREFIX, tokenHash } from './tokens';

/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;
/** Last-seen claims kept at most (ids and numbers: a few hundred KB). */
const MAX_TOUCH_CLAIMS = 10_000;
/** 4 MB: some 8,000 sessions in use at once (docs/architecture.md#the-cache-rule). */
const SESSION_BOUND = {
  maxBytes: 4 * 1024 * 1024,
  /** A row's values, two bytes a character, plus a little for each value (numbers and nulls count as strings). */
  sizeOf: (row: SessionRow) => row.reduce<number>((sum, v) => sum + 16 + 2 * String(v).length, 32),
};

/** The cache of session rows by token hash (SQLite); every write that revokes or deletes sessions invalidates it. */
export const sessionCache = (db: Db) => db.cache<SessionRow>('sessions', SESSION_BOUND);

/** The same on PostgreSQL, kept under the user's scope (docs/performance.md#caches-across-processes). */
const sharedSessionCache = (db: Db) => db.sharedCache<SessionRow>('sessions', SESSION_BOUND);

/**
 * Inside every write that revokes a user's sessions or changes what they resolve to: drop this
 * process's sessions (SQLite), or move the user's generation on (PostgreSQL).
 */
export async function invalidateSessions(db: Db, m: Tx, userId: string): Promise<void> {
  if (db.dialect === 'sqlite') sessionCache(db).invalidate();
  else await bumpGeneration(db, m, userScope(userId));
}

/** Who a credential belongs to; with the plan's access when asked with a plan on PostgreSQL. */
export type Authenticated = { user: AuthUser; credential: Credential; planAccess?: PlanAccess };

/** Resolves bearer tokens and session cookies to their user, on every authenticated request. */
export class Authenticator {
  private readonly sessions = sessionCache(this.deps.db);
  private readonly shared = { sessions: sharedSessionCache(this.deps.db), roles: sharedRoleCache(this.deps.db) };

  /**
   * Sessions and tokens whose last-seen time this process wrote (or is writing) lately. Without it,
   * every request in flight when a minute had passed wrote the same row: under load, a hundred
   * serial fsync'd writes and a stall of seconds.
   */
  private readonly touched = new Map<string, number>();

  constructor(private readonly deps: Deps) {}

  /** True for the one caller that should write the last-seen time now. */
  private claimTouch(id: string, lastSeen: number, now: number): boolean {
    if (now - lastSeen < TOUCH_EVERY_MS) return false;
    const claimed = this.touched.get(id);
    if (claimed !== undefined && now - claimed < TOUCH_EVERY_MS && claimed >= lastSeen) return false;
    if (this.touched.size >= MAX_TOUCH_CLAIMS) this.touched.clear();
    this.touched.set(id, now);
    return true;
  }

  /** Write the last-seen time; on failure let the next request try again. */
  private async touch(id: string, write: (at: string) => Promise<void>, at: string): Promise<void> {
    await write(at).catch((error: unknown) => {
      this.touched.delete(id);
      throw error;
    });
  }

  /**
   * A bearer token or cookie value's user; null when unknown, revoked or expired. With `planId`
   * (the plan the request's path names) on PostgreSQL, the caller's role there and the plan's cache
   * generation too (docs/performance.md#the-postgresql-read-path).
   */
  async authenticate(token: string, planId?: string): Promise<Authenticated | null> {
    if (token.length > 200) return null;
    const postgres = this.deps.db.dialect === 'postgres';
    if (token.startsWith(SESSION_PREFIX)) return postgres ? this.sharedSession(tokenHash(token), planId) : this.session(tokenHash(token));
    if (token.startsWith(API_TOKEN_PREFIX)) return this.apiToken(tokenHash(token), postgres ? planId : undefined);
    return null;
  }

  /** SQLite: the session row from this process's cache, else the database. */
  private async session(hash: string): Promise<Authenticated | null> {
    const db = this.deps.db;
    const generation = this.sessions.generation('');
    let row = this.sessions.get('', hash);
    if (!row) {
      row = await db.read((m) => sessionRowByHash(db, m, hash));
      if (!row) return null;
      this.sessions.set('', hash, generation, row);
    }
    return this.accept(row, hash);
  }

  /**
   * PostgreSQL: from the shared caches when the user's (and the plan's) generation, read now, is
   * the one they were kept at and the row needs no last-seen write; else one statement reads the
   * session, the role and both generations, and what it read is kept.
   */
  private async sharedSession(hash: string, planId: string | undefined): Promise<Authenticated | null> {
    const cached = await this.sharedHit(hash, planId);
    if (cached) return cached;
    const db = this.deps.db;
    const row = await db.read((m) => sessionRowByHash(db, m, hash, planId));
    if (!row) return null;
    const { own, userGeneration, access } = splitSharedRow(row, 4, planId);
    const user = userFromRow(own.slice(4));
    if (this.usable(own)) this.shared.sessions.set(userScope(user.id), hash, userGeneration, own);
    if (access?.found) this.shared.roles.set(planScope(access.planId), roleKey(access.planId, user), access.generation, access.found);
    return this.accept(own, hash, access);
  }

  private async sharedHit(hash: string, planId: string | undefined): Promise<Authenticated | undefined> {
    const scope = this.shared.sessions.scopeOf(hash);
    if (scope === undefined) return undefined;
    const plan = planId === undefined ? undefined : planScope(planId);
    const generations = await this.deps.db.generations(plan ? [scope, plan] : [scope]);
    const row = this.shared.sessions.get(scope, hash, generations.get(scope) ?? 0);
    if (!row || !this.usable(row)) return undefined;
    const [sessionId, , , , ...user] = row as [string, string, string, string | null, ...unknown[]];
    const found: Authenticated = { user: userFromRow(user), credential: { kind: 'session', id: sessionId } };
    if (planId === undefined || plan === undefined) return found;
    const generation = generations.get(plan) ?? 0;
    const role = this.shared.roles.get(plan, roleKey(planId, found.user), generation);
    return role ? { ...found, planAccess: { planId, found: role, generation } } : undefined;
  }

  /** A kept row answers only while it is live and wants no last-seen write; else it is read again. */
  private usable(row: SessionRow): boolean {
    const [, lastSeenAt, expiresAt, revokedAt] = row as [string, string, string, string | null];
    const now = this.deps.clock.now();
    const lastSeen = new Date(lastSeenAt).getTime();
    return !revokedAt && now.toISOString() < expiresAt && now.getTime() - lastSeen < Math.min(TOUCH_EVERY_MS, this.idleMs());
  }

  private idleMs(): number {
    return this.deps.config.sessionIdleMinutes * 60_000;
  }

  /** A session row read: refused when revoked, expired or idle; its last-seen time written once a minute. */
  private async accept(row: SessionRow, hash: string, planAccess?: PlanAccess): Promise<Authenticated | null> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const [sessionId, lastSeenAt, expiresAt, revokedAt, ...user] = row as [string, string, string, string | null, ...unknown[]];
    const idleLimit = new Date(lastSeenAt).getTime() + this.idleMs();
    if (revokedAt || now.toISOString() >= expiresAt || now.getTime() >= idleLimit) return null;
    if (this.claimTouch(sessionId, new Date(lastSeenAt).getTime(), now.getTime())) {
      await this.touch(sessionId, (at) => db.write((m) => touchSession(m, sessionId, at)), now.toISOString());
      this.sessions.delete(hash);
      this.shared.sessions.delete(hash);
    }
    return { user: userFromRow(user), credential: { kind: 'session', id: sessionId }, ...(planAccess && { planAccess }) };
  }

  /** API tokens are not cached: one statement each time (with the plan on PostgreSQL). */
  private async apiToken(hash: string, planId: string | undefined): Promise<Authenticated | null> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    let row = await db.read((m) => apiTokenRowByHash(db, m, hash, planId));
    if (!row) return null;
    let planAccess: PlanAccess | undefined;
    if (db.dialect === 'postgres') ({ own: row, access: planAccess } = splitSharedRow(row, 5, planId));
    const [tokenId, lastUsedAt, expiresAt, tokenPlanId, scopes, ...user] = row as [string, string | null, string, string | null, string, ...unknown[]];
    // docs/domain.md#access-lifecycle: an expired token is as good as unknown.
    if (now.toISOString() >= expiresAt) return null;
    const last = lastUsedAt ? new Date(lastUsedAt).getTime() : 0;
    if (this.claimTouch(tokenId, last, now.getTime())) {
      await this.touch(tokenId, (at) => db.write((m) => touchApiToken(m, tokenId, at)), now.toISOString());
    }
    const scope = tokenPlanId ? { planId: tokenPlanId, scopes: scopesFromColumn(scopes) } : undefined;
    return { user: userFromRow(user), credential: { kind: 'api-token', id: tokenId, ...(scope && { scope }) }, ...(planAccess && { planAccess }) };
  }
}
