import type { CreateUserSchema, Page, PageQuery, User } from '@handover/shared';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/data-source';
import type { Deps } from '../../deps';
import type { UserCtx } from '../../http/context';
import { conflict } from '../../http/problem';
import type { ActivityService } from '../activity/activity.service';
import { insertUser } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { UserEntity } from './user.entity';
import { toUser } from './user.mapper';

export class UsersService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}

  async create(ctx: UserCtx, input: z.output<typeof CreateUserSchema>): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.deps.db.write(async (m) => {
        if (await m.getRepository(UserEntity).exists({ where: { email: input.email } })) {
          throw conflict('A user with this email already exists.', 'duplicate');
        }
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
        return toUser(user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('A user with this email already exists.', 'duplicate');
      throw error;
    }
  }

  async list(q: PageQuery & { email?: string }): Promise<Page<User>> {
    return this.deps.db.read(async (m) => {
      const [rows, total] = await m.getRepository(UserEntity).findAndCount({
        where: q.email ? { email: q.email.toLowerCase() } : {},
        order: { email: 'ASC' },
        take: q.limit,
        skip: q.offset,
      });
      return { items: rows.map(toUser), total, limit: q.limit, offset: q.offset };
    });
  }
}
