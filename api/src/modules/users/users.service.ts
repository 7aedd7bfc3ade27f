import type { CreateUserSchema, Page, PageQuery, User } from '@handover/shared';
import type { z } from 'zod';
import { conflict } from '../../core/app-error';
import type { UserCtx } from '../../core/context';
import { isUniqueViolation } from '../../db/data-source';
import { emailTaken, insertUser, listUsers } from '../../db/repositories/users.repository';
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

  list(q: PageQuery & { email?: string }): Promise<Page<User>> {
    return this.deps.db.read((m) => listUsers(m, q));
  }
}
