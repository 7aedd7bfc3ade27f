import { randomBytes } from 'node:crypto';
import type { ApiToken, LoginResponse, Me } from '@handover/shared';
import { AppError, notFound, unprocessable } from '../../core/app-error';
import type { AuthUser, Credential, UserCtx } from '../../core/context';
import { newId } from '../../core/ids';
import {
  deleteDeadSessions,
  insertApiToken,
  insertSession,
  listLiveApiTokens,
  liveApiTokenExists,
  lockBootstrap,
  revokeCredential,
  revokeOtherSessions,
} from '../../db/repositories/auth.repository';
import { membershipsOf } from '../../db/repositories/members.repository';
import { countUsers, findUser, findUserByEmail, insertUser, setPasswordHash } from '../../db/repositories/users.repository';
import { ResourceService } from '../service';
import { Authenticator, sessionCache } from './authenticator';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { SignInLimits } from './sign-in-limits';
import { API_TOKEN_PREFIX, SESSION_PREFIX, newToken, tokenHash } from './tokens';

export class AuthService extends ResourceService {
  private readonly limits = new SignInLimits(this.deps);
  private readonly authenticator = new Authenticator(this.deps);
  /** Invalidated inside every transaction that revokes or deletes sessions (docs/architecture.md#the-cache-rule). */
  private readonly sessions = sessionCache(this.deps.db);

  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    const normalized = email.trim().toLowerCase();
    // Reserved before the (deliberately slow) check: see docs/domain.md#sign-in-limits.
    const attempt = await this.limits.reserve(normalized, address);
    const user = await this.deps.db.read((m) => findUserByEmail(m, normalized));
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok) {
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

  /** Resolve a bearer token or cookie value to its user; null when unknown, revoked or expired. */
  authenticate(token: string): Promise<{ user: AuthUser; credential: Credential } | null> {
    return this.authenticator.authenticate(token);
  }

  /** Delete sessions that can no longer be used: expired, idle past the limit, or revoked a day ago. */
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
      this.sessions.invalidate();
      await revokeCredential(m, ctx.credential.kind, ctx.credential.id, at);
    });
  }

  async me(ctx: UserCtx): Promise<Me> {
    return this.deps.db.read(async (m) => {
      const user = await findUser(m, ctx.user.id);
      if (!user) throw notFound('user');
      const { passwordHash: _hash, ...shown } = user;
      return { user: shown, memberships: await membershipsOf(m, ctx.user.id) };
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
      this.sessions.invalidate();
      await setPasswordHash(m, user.id, passwordHash, at);
      // Every other session of this user ends; the one that changed the password lives on.
      await revokeOtherSessions(m, user.id, ctx.credential.kind === 'session' ? ctx.credential.id : '', at);
      await this.activity.record(m, ctx, null, { action: 'password_change', entity: 'user', entityId: user.id, changes: {} });
    });
  }

  async createToken(ctx: UserCtx, name: string): Promise<{ id: string; name: string; token: string }> {
    const token = newToken(API_TOKEN_PREFIX);
    const id = newId();
    await this.write(ctx, async (m) => {
      await insertApiToken(m, {
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
    return { items: await this.deps.db.read((m) => listLiveApiTokens(m, ctx.user.id)) };
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
