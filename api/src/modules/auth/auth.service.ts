import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiToken, LoginResponse, Me } from '@handover/shared';
import { IsNull, type EntityManager } from 'typeorm';
import type { Deps } from '../../deps';
import type { AuthUser, Credential, UserCtx } from '../../http/context';
import { AppError, notFound } from '../../http/problem';
import type { ActivityService } from '../activity/activity.service';
import { PlanMemberEntity } from '../plans/plan-member.entity';
import { PlanEntity } from '../plans/plan.entity';
import { LOGIN_POLICY, RateLimiter } from '../rate-limit/rate-limit.service';
import { UserEntity } from '../users/user.entity';
import { toUser } from '../users/user.mapper';
import { ApiTokenEntity } from './api-token.entity';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { SessionEntity } from './session.entity';
import { API_TOKEN_PREFIX, SESSION_PREFIX, newToken, tokenHash } from './tokens';

/**
 * On SQLite (one server process) a session's row is kept this long after it is read, so a burst of
 * requests costs one lookup. Every write that revokes or deletes sessions clears the whole cache,
 * so a revoked token stops working at once. PostgreSQL deployments run several processes: no cache.
 */
const SESSION_ROW_TTL_MS = 2_000;

/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export class AuthService {
  private readonly loginLimiter = new RateLimiter(this.deps, LOGIN_POLICY);
  private readonly sessionRows = new Map<string, { row: unknown[]; until: number }>();
  private sessionGeneration = 0;

  /**
   * Sessions and tokens whose last-seen time this process wrote (or is writing) lately. Without it,
   * every request in flight when a minute had passed wrote the same row: under load, a hundred
   * serial fsync'd writes and a stall of seconds.
   */
  private readonly touched = new Map<string, number>();

  /** True for the one caller that should write the last-seen time now. */
  private claimTouch(id: string, lastSeen: number, now: number): boolean {
    if (now - lastSeen < TOUCH_EVERY_MS) return false;
    const claimed = this.touched.get(id);
    if (claimed !== undefined && now - claimed < TOUCH_EVERY_MS && claimed >= lastSeen) return false;
    if (this.touched.size >= 10_000) this.touched.clear();
    this.touched.set(id, now);
    return true;
  }

  /** Drop every cached session row; call inside any transaction that revokes or deletes sessions. */
  private forgetSessions(): void {
    this.sessionGeneration++;
    this.sessionRows.clear();
  }

  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    const normalized = email.trim().toLowerCase();
    const limits = [
      { scope: 'login:account', subject: normalized },
      { scope: 'login:address', subject: address },
    ];
    await this.loginLimiter.assertAllowed(limits, 'Too many failed sign-ins; try again later.');
    const user = await this.deps.db.read((m) => m.getRepository(UserEntity).findOne({ where: { email: normalized } }));
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok) {
      await this.loginLimiter.recordFailure(limits);
      throw new AppError(401, 'invalid-credentials', 'Sign-in failed', 'The email or password is wrong.');
    }
    // Only the account's counter: clearing the address's would let one address spray passwords
    // across accounts without end, by signing in to an account of its own every nine failures.
    await this.loginLimiter.reset([limits[0]!]);
    const token = newToken(SESSION_PREFIX);
    const now = this.deps.clock.now();
    await this.deps.db.write(async (m) => {
      await m.getRepository(SessionEntity).insert({
        id: randomUUID(),
        userId: user.id,
        tokenHash: tokenHash(token),
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.deps.config.sessionMaxHours * 3_600_000).toISOString(),
        revokedAt: null,
      });
    });
    return { token, user: toUser(user) };
  }

  /** Resolve a bearer token or cookie value to its user; null when unknown, revoked or expired. */
  async authenticate(token: string): Promise<{ user: AuthUser; credential: Credential } | null> {
    if (token.length > 200) return null;
    const db = this.deps.db;
    const hash = tokenHash(token);
    const now = this.deps.clock.now();
    // One indexed lookup per request, as raw rows: this runs before every authenticated call.
    if (token.startsWith(SESSION_PREFIX)) {
      const generation = this.sessionGeneration;
      const cached = this.sessionRows.get(hash);
      const hit = cached !== undefined && cached.until > now.getTime();
      const row = hit
        ? cached.row
        : (
            await db.read((m) =>
              db.rows(
                m,
                `SELECT s.id AS session_id, s.last_seen_at, s.expires_at, s.revoked_at, u.id AS user_id, u.email, u.name, u.is_admin
                 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${db.param(1)}`,
                [hash],
              ),
            )
          )[0];
      if (!row) return null;
      // Not if sessions were revoked while this read was in flight: the row may predate that.
      if (db.dialect === 'sqlite' && !hit && generation === this.sessionGeneration) {
        if (this.sessionRows.size >= 10_000) this.sessionRows.clear();
        this.sessionRows.set(hash, { row, until: now.getTime() + SESSION_ROW_TTL_MS });
      }
      const [sessionId, lastSeenAt, expiresAt, revokedAt, ...user] = row as [string, string, string, string | null, string, string, string, unknown];
      const idleLimit = new Date(lastSeenAt).getTime() + this.deps.config.sessionIdleMinutes * 60_000;
      if (revokedAt || now.toISOString() >= expiresAt || now.getTime() >= idleLimit) return null;
      if (this.claimTouch(sessionId, new Date(lastSeenAt).getTime(), now.getTime())) {
        await db
          .write((m) => m.getRepository(SessionEntity).update({ id: sessionId }, { lastSeenAt: now.toISOString() }))
          .catch((error: unknown) => {
            this.touched.delete(sessionId);
            throw error;
          });
        this.sessionRows.delete(hash);
      }
      return { user: userFromRow(user), credential: { kind: 'session', id: sessionId } };
    }
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const [row] = await db.read((m) =>
        db.rows(
          m,
          `SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.email, u.name, u.is_admin
           FROM api_tokens t JOIN users u ON u.id = t.user_id
           WHERE t.token_hash = ${db.param(1)} AND t.revoked_at IS NULL`,
          [hash],
        ),
      );
      if (!row) return null;
      const [tokenId, lastUsedAt, ...user] = row as [string, string | null, string, string, string, unknown];
      const last = lastUsedAt ? new Date(lastUsedAt).getTime() : 0;
      if (this.claimTouch(tokenId, last, now.getTime())) {
        await db
          .write((m) => m.getRepository(ApiTokenEntity).update({ id: tokenId }, { lastUsedAt: now.toISOString() }))
          .catch((error: unknown) => {
            this.touched.delete(tokenId);
            throw error;
          });
      }
      return { user: userFromRow(user), credential: { kind: 'api-token', id: tokenId } };
    }
    return null;
  }

  /** Delete sessions that can no longer be used: expired, idle past the limit, or revoked a day ago. */
  async purgeExpiredSessions(): Promise<number> {
    const now = this.deps.clock.now();
    const idleCutoff = new Date(now.getTime() - this.deps.config.sessionIdleMinutes * 60_000).toISOString();
    const revokedCutoff = new Date(now.getTime() - 86_400_000).toISOString();
    const result = await this.deps.db.write((m) => {
      this.forgetSessions();
      return m
        .getRepository(SessionEntity)
        .createQueryBuilder()
        .delete()
        .where('expires_at <= :now OR last_seen_at <= :idleCutoff OR revoked_at <= :revokedCutoff', {
          now: now.toISOString(),
          idleCutoff,
          revokedCutoff,
        })
        .execute();
    });
    return result.affected ?? 0;
  }

  /** Revoke the credential this request used. */
  async logout(ctx: UserCtx): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.write(async (m) => {
      this.forgetSessions();
      if (ctx.credential.kind === 'session') {
        await m.getRepository(SessionEntity).update({ id: ctx.credential.id }, { revokedAt: at });
      } else {
        await m.getRepository(ApiTokenEntity).update({ id: ctx.credential.id }, { revokedAt: at });
      }
    });
  }

  async me(ctx: UserCtx): Promise<Me> {
    return this.deps.db.read(async (m) => {
      const user = await m.getRepository(UserEntity).findOneOrFail({ where: { id: ctx.user.id } });
      const rows = await m
        .getRepository(PlanMemberEntity)
        .createQueryBuilder('pm')
        .innerJoin(PlanEntity, 'p', 'p.id = pm.plan_id')
        .select(['pm.plan_id AS "planId"', 'p.name AS "planName"', 'pm.role AS "role"'])
        .where('pm.user_id = :userId', { userId: ctx.user.id })
        .orderBy('p.name', 'ASC')
        .getRawMany<{ planId: string; planName: string; role: 'lead' | 'executive' | 'agency' }>();
      return { user: toUser(user), memberships: rows };
    });
  }

  async changePassword(ctx: UserCtx, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.deps.db.read((m) => m.getRepository(UserEntity).findOneOrFail({ where: { id: ctx.user.id } }));
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError(422, 'validation-failed', 'Validation failed', 'The current password is wrong.', [
        { path: 'currentPassword', message: 'is wrong' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.write(async (m) => {
      this.forgetSessions();
      await m.getRepository(UserEntity).update({ id: user.id }, { passwordHash, updatedAt: at });
      // Every other session of this user ends; the one that changed the password lives on.
      await m
        .getRepository(SessionEntity)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: at })
        .where('user_id = :userId AND revoked_at IS NULL AND id <> :current', {
          userId: user.id,
          current: ctx.credential.kind === 'session' ? ctx.credential.id : '',
        })
        .execute();
      await this.activity.record(m, ctx, null, { action: 'password_change', entity: 'user', entityId: user.id, changes: {} });
    });
  }

  async createToken(ctx: UserCtx, name: string): Promise<{ id: string; name: string; token: string }> {
    const token = newToken(API_TOKEN_PREFIX);
    const id = randomUUID();
    await this.deps.db.write(async (m) => {
      await m.getRepository(ApiTokenEntity).insert({
        id,
        userId: ctx.user.id,
        name,
        tokenHash: tokenHash(token),
        createdAt: this.deps.clock.now().toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      });
      await this.activity.record(m, ctx, null, { action: 'create', entity: 'api_token', entityId: id, changes: { name } });
    });
    return { id, name, token };
  }

  async listTokens(ctx: UserCtx): Promise<{ items: ApiToken[] }> {
    const rows = await this.deps.db.read((m) =>
      m.getRepository(ApiTokenEntity).find({
        where: { userId: ctx.user.id, revokedAt: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    );
    return { items: rows.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt })) };
  }

  async revokeToken(ctx: UserCtx, id: string): Promise<void> {
    await this.deps.db.write(async (m) => {
      const repo = m.getRepository(ApiTokenEntity);
      const token = await repo.findOne({ where: { id, userId: ctx.user.id, revokedAt: IsNull() } });
      if (!token) throw notFound('token');
      await repo.update({ id }, { revokedAt: this.deps.clock.now().toISOString() });
      await this.activity.record(m, ctx, null, { action: 'revoke', entity: 'api_token', entityId: id, changes: {} });
    });
  }

  /**
   * On an empty database, create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or admin@localhost
   * with a random password that is returned so the caller can print it once.
   */
  async bootstrapAdmin(): Promise<{ email: string; generatedPassword: string | null } | null> {
    const count = await this.deps.db.read((m) => m.getRepository(UserEntity).count());
    if (count > 0) return null;
    const email = this.deps.config.adminEmail ?? 'admin@localhost';
    const generated = this.deps.config.adminPassword ? null : randomBytes(18).toString('base64url');
    const passwordHash = await hashPassword(this.deps.config.adminPassword ?? generated!);
    const created = await this.deps.db.write(async (m) => {
      // Another process may be bootstrapping at the same moment: on PostgreSQL, take turns on an
      // advisory lock so the second one sees the first one's admin (SQLite is already serial).
      if (this.deps.db.dialect === 'postgres') await m.query('SELECT pg_advisory_xact_lock(7301985)');
      if ((await m.getRepository(UserEntity).count()) > 0) return false;
      await insertUser(m, { email, name: 'Administrator', passwordHash, isAdmin: true }, this.deps.clock.now());
      return true;
    });
    return created ? { email, generatedPassword: generated } : null;
  }
}

export async function insertUser(
  m: EntityManager,
  u: { email: string; name: string; passwordHash: string; isAdmin: boolean },
  now: Date,
): Promise<UserEntity> {
  const entity: UserEntity = {
    id: randomUUID(),
    email: u.email,
    name: u.name,
    passwordHash: u.passwordHash,
    isAdmin: u.isAdmin,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await m.getRepository(UserEntity).insert(entity);
  return entity;
}

/** [id, email, name, is_admin] as read raw; SQLite stores booleans as 0/1. */
const userFromRow = ([id, email, name, isAdmin]: unknown[]): AuthUser => ({
  id: id as string,
  email: email as string,
  name: name as string,
  isAdmin: isAdmin === true || isAdmin === 1 || isAdmin === '1',
});

