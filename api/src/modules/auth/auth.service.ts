import { randomBytes } from 'node:crypto';
import { API_TOKEN_DEFAULT_DAYS, can, type ApiToken, type CreateApiTokenSchema, type CreatedApiToken, type LoginResponse, type Me } from '@handover/shared';
import type { z } from 'zod';
import { AppError, notFound, unprocessable } from '../../core/app-error';
import { today } from '../../core/clock';
import type { UserCtx } from '../../core/context';
import { newId } from '../../core/ids';
import {
  deleteDeadSessions,
  insertApiToken,
  insertSession,
  listLiveApiTokens,
  liveApiTokenExists,
  lockBootstrap,
  revokeCredential,
  revokeApiTokensOf,
  revokeOtherSessions,
  scopesToColumn,
} from '../../db/repositories/auth.repository';
import { membershipsOf, roleInPlan } from '../../db/repositories/members.repository';
import { countUsers, findUser, findUserByEmail, insertUser, setPasswordHash } from '../../db/repositories/users.repository';
import { ResourceService } from '../service';
import { Authenticator, invalidateSessions, sessionCache, type Authenticated } from './authenticator';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { SignInLimits } from './sign-in-limits';
import { API_TOKEN_PREFIX, SESSION_PREFIX, newToken, tokenHash } from './tokens';

export class AuthService extends ResourceService {
  private readonly limits = new SignInLimits(this.deps);
  private readonly authenticator = new Authenticator(this.deps);
  /**
   * Invalidated inside every transaction that deletes sessions (docs/architecture.md#the-cache-rule);
   * those that revoke them call invalidateSessions.
   */
  private readonly sessions = sessionCache(this.deps.db);

  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    const normalized = email.trim().toLowerCase();
    // Reserved before the (deliberately slow) check: see docs/domain.md#sign-in-limits.
    const attempt = await this.limits.reserve(normalized, address);
    const user = await this.deps.db.read((m) => findUserByEmail(m, normalized));
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    // A deactivated user gets exactly the wrong password's answer (docs/domain.md#access-lifecycle).
    if (!user || !ok || !user.active) {
      throw new AppError(401, 'invalid-credentials', 'Sign-in failed', 'The email or password is wrong.');
    }
    await this.limits.succeeded(attempt);
    const token = newToken(SESSION_PREFIX);
    const now = this.deps.clock.now();
    await this.deps.db.write((m) =>
      insertSession(m, {
        id: newId(),
        userId: user.id,
        tokenHash: tokenHash(token),
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.deps.config.sessionMaxHours * 3_600_000).toISOString(),
        revokedAt: null,
      }),
    );
    const { passwordHash: _hash, ...shown } = user;
    return { token, user: shown };
  }

  /**
   * Resolve a bearer token or cookie value to its user; null when unknown, revoked or expired. With
   * the plan the request names, on PostgreSQL, the caller's access to it too (Authenticator).
   */
  authenticate(token: string, planId?: string): Promise<Authenticated | null> {
    return this.authenticator.authenticate(token, planId);
  }

  /**
   * Delete sessions that can no longer be used: expired, idle past the limit, or revoked a day ago.
   * No generation moves on PostgreSQL: a kept copy of such a session is refused as it stands (its
   * last-seen time is no later than the one deleted by), and a refusal is always read again.
   */
  async purgeExpiredSessions(): Promise<number> {
    const now = this.deps.clock.now();
    return this.deps.db.write((m) => {
      this.sessions.invalidate();
      return deleteDeadSessions(m, {
        now: now.toISOString(),
        idleCutoff: new Date(now.getTime() - this.deps.config.sessionIdleMinutes * 60_000).toISOString(),
        revokedCutoff: new Date(now.getTime() - 86_400_000).toISOString(),
      });
    });
  }

  /** Delete sign-in counters whose window closed (docs/domain.md#sign-in-limits). */
  purgeClosedLimits(): Promise<number> {
    return this.limits.purgeClosed();
  }

  /** Revoke the credential this request used. */
  async logout(ctx: UserCtx): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.write(ctx, async (m) => {
      await invalidateSessions(this.deps.db, m, ctx.user.id);
      await revokeCredential(m, ctx.credential.kind, ctx.credential.id, at);
    });
  }

  async me(ctx: UserCtx): Promise<Me> {
    return this.deps.db.read(async (m) => {
      const user = await findUser(m, ctx.user.id);
      if (!user) throw notFound('user');
      const { passwordHash: _hash, ...shown } = user;
      return { user: shown, memberships: await membershipsOf(m, ctx.user.id, today(this.deps.clock)) };
    });
  }

  async changePassword(ctx: UserCtx, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.deps.db.read((m) => findUser(m, ctx.user.id));
    if (!user) throw notFound('user');
    // Limited like sign-ins, so a stolen session cannot be used to guess the password (docs/domain.md#sign-in-limits).
    const check = await this.limits.reservePasswordCheck(user.id);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw unprocessable([{ path: 'currentPassword', message: 'is wrong' }], 'The current password is wrong.');
    }
    await this.limits.passwordCheckSucceeded(check);
    const passwordHash = await hashPassword(newPassword);
    const at = this.deps.clock.now().toISOString();
    await this.write(ctx, async (m) => {
      await invalidateSessions(this.deps.db, m, user.id);
      await setPasswordHash(m, user.id, passwordHash, at);
      // Every other session of this user ends; the one that changed the password lives on. Every
      // API token ends too, the one used for this request included (docs/domain.md#access-lifecycle).
      await revokeOtherSessions(m, user.id, ctx.credential.kind === 'session' ? ctx.credential.id : '', at);
      const tokensRevoked = await revokeApiTokensOf(m, user.id, at);
      await this.activity.record(m, ctx, null, { action: 'password_change', entity: 'user', entityId: user.id, changes: { tokensRevoked } });
    });
  }

  /**
   * An API token that expires after `expiresInDays` (default 90); with `planId` and `scopes`, one
   * limited to recording posts in that plan, which its owner must be able to do today
   * (docs/domain.md#access-lifecycle).
   */
  async createToken(ctx: UserCtx, input: z.output<typeof CreateApiTokenSchema>): Promise<CreatedApiToken> {
    const token = newToken(API_TOKEN_PREFIX);
    const id = newId();
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + (input.expiresInDays ?? API_TOKEN_DEFAULT_DAYS) * 86_400_000).toISOString();
    const planId = input.planId ?? null;
    const scopes = input.scopes ?? [];
    await this.write(ctx, async (m) => {
      if (planId) {
        const role = await roleInPlan(this.deps.db, m, ctx.user, planId, today(this.deps.clock));
        if (!role) throw unprocessable([{ path: 'planId', message: 'no such plan' }]);
        if (!can(role, 'recordPosts')) throw unprocessable([{ path: 'planId', message: 'your role in this plan may not record posts' }]);
      }
      await insertApiToken(m, {
        id,
        userId: ctx.user.id,
        name: input.name,
        tokenHash: tokenHash(token),
        createdAt: now.toISOString(),
        expiresAt,
        planId,
        scopes: scopesToColumn(scopes),
        lastUsedAt: null,
        revokedAt: null,
      });
      await this.activity.record(m, ctx, null, {
        action: 'create',
        entity: 'api_token',
        entityId: id,
        changes: { name: input.name, expiresAt, planId, scopes },
      });
    });
    return { id, name: input.name, expiresAt, planId, scopes, token };
  }

  /** The caller's API tokens that still work: neither revoked nor expired. */
  async listTokens(ctx: UserCtx): Promise<{ items: ApiToken[] }> {
    return { items: await this.deps.db.read((m) => listLiveApiTokens(m, ctx.user.id, this.deps.clock.now().toISOString())) };
  }

  async revokeToken(ctx: UserCtx, id: string): Promise<void> {
    await this.write(ctx, async (m) => {
      if (!(await liveApiTokenExists(m, id, ctx.user.id))) throw notFound('token');
      await revokeCredential(m, 'api-token', id, this.deps.clock.now().toISOString());
      await this.activity.record(m, ctx, null, { action: 'revoke', entity: 'api_token', entityId: id, changes: {} });
    });
  }

  /**
   * On an empty database, create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or admin@localhost
   * with a random password that is returned so the caller can print it once.
   */
  async bootstrapAdmin(): Promise<{ email: string; generatedPassword: string | null } | null> {
    const count = await this.deps.db.read((m) => countUsers(m));
    if (count > 0) return null;
    const email = this.deps.config.adminEmail ?? 'admin@localhost';
    const generated = this.deps.config.adminPassword ? null : randomBytes(18).toString('base64url');
    const passwordHash = await hashPassword(this.deps.config.adminPassword ?? generated!);
    const created = await this.deps.db.write(async (m) => {
      // Another process may be bootstrapping at the same moment: the second one sees the first one's admin.
      await lockBootstrap(this.deps.db, m);
      if ((await countUsers(m)) > 0) return false;
      await insertUser(m, { email, name: 'Administrator', passwordHash, isAdmin: true }, this.deps.clock.now());
      return true;
    });
    return created ? { email, generatedPassword: generated } : null;
  }
}
