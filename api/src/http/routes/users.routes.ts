import { CreateUserSchema, PageQuerySchema, ROUTES, UserSchema, pageOf } from '@handover/shared';
import { z } from 'zod';
import type { UsersService } from '../../modules/users/users.service';
import { route, type AnyRoute } from '../route-spec';

export const userRoutes = (users: UsersService): AnyRoute[] => [
  route({
    operationId: 'createUser',
    method: 'post',
    path: ROUTES.users,
    summary: 'Create a user (admins)',
    tags: ['Users'],
    guard: { kind: 'admin' },
    body: CreateUserSchema,
    status: 201,
    response: UserSchema,
    handler: async ({ body }, ctx) => ({ body: await users.create(ctx, body) }),
  }),
  route({
    operationId: 'listUsers',
    method: 'get',
    path: ROUTES.users,
    summary: 'List users (admins)',
    tags: ['Users'],
    guard: { kind: 'admin' },
    query: PageQuerySchema.extend({ email: z.string().max(254).optional() }).strict(),
    response: pageOf(UserSchema),
    handler: async ({ query }) => ({ body: await users.list(query) }),
  }),
];
