import { CreateUserSchema, PageQuerySchema, UserSchema, pageOf } from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { UsersService } from './users.service';

export function registerUserRoutes(api: Api, users: UsersService): void {
  api.route({
    method: 'post',
    path: '/users',
    summary: 'Create a user (admins)',
    tags: ['Users'],
    guard: { kind: 'admin' },
    body: CreateUserSchema,
    status: 201,
    response: UserSchema,
    handler: async ({ body }, ctx) => ({ body: await users.create(ctx, body) }),
  });

  api.route({
    method: 'get',
    path: '/users',
    summary: 'List users (admins)',
    tags: ['Users'],
    guard: { kind: 'admin' },
    query: PageQuerySchema.extend({ email: z.string().max(254).optional() }).strict(),
    response: pageOf(UserSchema),
    handler: async ({ query }) => ({ body: await users.list(query) }),
  });
}
