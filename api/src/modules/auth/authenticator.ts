import type { Db } from '../../db/data-source';
import {
  apiTokenRowByHash,
  sessionRowByHash,
  touchApiToken,
  touchSession,
  userFromRow,
  scopesFromColumn,
  type SessionRow,
} from '../../db/repositories/auth.repository';
import type { AuthUser, Credential } from '../../core/context';
import type { Deps } from '../deps';
import { API_TOKEN_PREFIX, SESSION_PREFIX, tokenHash } from './tokens';

/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;
/** Last-seen claims kept at most (ids and numbers: a few hundred KB). */
const MAX_TOUCH_CLAIMS = 10_000;
/** 4 MB: some 8,000 sessions in use at once (docs/architecture.md#the-cache-rule). */
const SESSION_CACHE_BYTES = 4 * 1024 * 1024;
/** A row's values, two bytes a character, plus a little for each value (numbers and nulls count as strings). */
const rowBytes = (row: SessionRow) => row.reduce<number>((sum, v) => sum + 16 + 2 * String(v).length, 32);

/** The cache of session rows by token hash; every write that revokes or deletes sessions invalidates it. */
export const sessionCache = (db: Db) => db.cache<SessionRow>('sessions', { maxBytes: SESSION_CACHE_BYTES, sizeOf: rowBytes });

/** Resolves bearer tokens and session cookies to their user, on every authenticated request. */
export class Authenticator {
  private readonly sessions = sessionCache(this.deps.db);

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

  /** A bearer token or cookie value's user; null when unknown, revoked or expired. */
  async authenticate(token: string): Promise<{ user: AuthUser; credential: Credential } | null> {
    if (token.length > 200) return null;
    if (token.startsWith(SESSION_PREFIX)) return this.session(tokenHash(token));
    if (token.startsWith(API_TOKEN_PREFIX)) return this.apiToken(tokenHash(token));
    return null;
  }

  private async session(hash: string): Promise<{ user: AuthUser; credential: Credential } | null> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const generation = this.sessions.generation('');
    let row = this.sessions.get('', hash);
    if (!row) {
      row = await db.read((m) => sessionRowByHash(db, m, hash));
      if (!row) return null;
      this.sessions.set('', hash, generation, row);
    }
    const [sessionId, lastSeenAt, expiresAt, revokedAt, ...user] = row as [string, string, string, string | null, ...unknown[]];
    const idleLimit = new Date(lastSeenAt).getTime() + this.deps.config.sessionIdleMinutes * 60_000;
    if (revokedAt || now.toISOString() >= expiresAt || now.getTime() >= idleLimit) return null;
    if (this.claimTouch(sessionId, new Date(lastSeenAt).getTime(), now.getTime())) {
      await this.touch(sessionId, (at) => db.write((m) => touchSession(m, sessionId, at)), now.toISOString());
      this.sessions.delete(hash);
    }
    return { user: userFromRow(user), credential: { kind: 'session', id: sessionId } };
  }

  private async apiToken(hash: string): Promise<{ user: AuthUser; credential: Credential } | null> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const row = await db.read((m) => apiTokenRowByHash(db, m, hash));
    if (!row) return null;
    const [tokenId, lastUsedAt, expiresAt, planId, scopes, ...user] = row as [string, string | null, string, string | null, string, ...unknown[]];
    // docs/domain.md#access-lifecycle: an expired token is as good as unknown.
    if (now.toISOString() >= expiresAt) return null;
    const last = lastUsedAt ? new Date(lastUsedAt).getTime() : 0;
    if (this.claimTouch(tokenId, last, now.getTime())) {
      await this.touch(tokenId, (at) => db.write((m) => touchApiToken(m, tokenId, at)), now.toISOString());
    }
    const scope = planId ? { planId, scopes: scopesFromColumn(scopes) } : undefined;
    return { user: userFromRow(user), credential: { kind: 'api-token', id: tokenId, ...(scope && { scope }) } };
  }
}
