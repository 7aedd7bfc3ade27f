import type { CreateUserSchema, Page, PageQuery, User } from '@handover/shared';
import type { z } from 'zod';
import { conflict, notFound } from '../../core/app-error';
import type { UserCtx } from '../../core/context';
import { isUniqueViolation } from '../../db/data-source';
import { revokeApiTokensOf, revokeOtherSessions } from '../../db/repositories/auth.repository';
import { emailTaken, findUser, insertUser, listUsers, setUserActive } from '../../db/repositories/users.repository';
import { invalidateSessions } from '../auth/authenticator';
import { hashPassword } from '../auth/password';
import { ResourceService } from '../service';

const duplicate = () => conflict('A user with this email already exists.', 'duplicate');

export class UsersService extends ResourceService {
  async create(ctx: UserCtx, input: z.output<typeof CreateUserSchema>): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.write(ctx, async (m) => {
        if (await emailTaken(m, input.email)) throw duplicate();
        const user = await insertUser(
          m,
          { email: input.email, name: input.name, passwordHash, isAdmin: input.isAdmin ?? false },
          this.deps.clock.now(),
        );
        await this.activity.record(m, ctx, null, {
          action: 'create',
          entity: 'user',
          entityId: user.id,
          changes: { email: user.email, name: user.name, isAdmin: user.isAdmin },
        });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  list(q: PageQuery & { email?: string; active?: boolean }): Promise<Page<User>> {
    return this.deps.db.read((m) => listUsers(m, q));
  }

  /**
   * Deactivate a user (docs/domain.md#access-lifecycle): in one transaction the flag goes down and
   * every session and API token of theirs is revoked, so nothing they hold works once this answers.
   * Their history stays. Deactivating an inactive user changes nothing and answers the same.
   */
  async deactivate(ctx: UserCtx, userId: string): Promise<User> {
    if (userId === ctx.user.id) throw conflict('You cannot deactivate yourself: ask another admin.', 'self-deactivation');
    return this.write(ctx, async (m) => {
      const user = await findUser(m, userId);
      if (!user) throw notFound('user');
      const at = this.deps.clock.now().toISOString();
      await invalidateSessions(this.deps.db, m, userId);
      const sessionsRevoked = await revokeOtherSessions(m, userId, '', at);
      const tokensRevoked = await revokeApiTokensOf(m, userId, at);
      if (user.active) await setUserActive(m, userId, false, at);
      if (user.active || sessionsRevoked || tokensRevoked) {
        await this.activity.record(m, ctx, null, {
          action: 'deactivate',
          entity: 'user',
          entityId: userId,
          changes: { active: { from: user.active, to: false }, sessionsRevoked, tokensRevoked },
        });
      }
      return shown(user, false);
    });
  }

  /** Let a deactivated user sign in again; the sessions and tokens revoked stay revoked. */
  async reactivate(ctx: UserCtx, userId: string): Promise<User> {
    return this.write(ctx, async (m) => {
      const user = await findUser(m, userId);
      if (!user) throw notFound('user');
      if (!user.active) {
        await setUserActive(m, userId, true, this.deps.clock.now().toISOString());
        await this.activity.record(m, ctx, null, { action: 'reactivate', entity: 'user', entityId: userId, changes: { active: { from: false, to: true } } });
      }
      return shown(user, true);
    });
  }
}

function shown(user: User & { passwordHash: string }, active: boolean): User {
  const { passwordHash: _hash, ...rest } = user;
  return { ...rest, active };
}
