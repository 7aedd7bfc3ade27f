import { BooleanQuerySchema, CreateUserSchema, PageQuerySchema, ROUTES, UserSchema, pageOf } from '@handover/shared';
import { z } from 'zod';
import type { UsersService } from '../../modules/users/users.service';
import { route, type AnyRoute } from '../route-spec';
import { UserParams } from './params';

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
    query: PageQuerySchema.extend({ email: z.string().max(254).optional(), active: BooleanQuerySchema.optional() }).strict(),
    response: pageOf(UserSchema),
    handler: async ({ query }) => ({ body: await users.list(query) }),
  }),
  route({
    operationId: 'deactivateUser',
    method: 'post',
    path: ROUTES.userDeactivate,
    summary: 'Deactivate a user (admins): no more sign-ins, every session and API token revoked; not yourself (409)',
    tags: ['Users'],
    guard: { kind: 'admin' },
    params: UserParams,
    response: UserSchema,
    problems: { 409: 'You cannot deactivate yourself' },
    handler: async ({ params }, ctx) => ({ body: await users.deactivate(ctx, params.userId) }),
  }),
  route({
    operationId: 'reactivateUser',
    method: 'post',
    path: ROUTES.userReactivate,
    summary: 'Reactivate a user (admins): they may sign in again; revoked sessions and tokens stay revoked',
    tags: ['Users'],
    guard: { kind: 'admin' },
    params: UserParams,
    response: UserSchema,
    handler: async ({ params }, ctx) => ({ body: await users.reactivate(ctx, params.userId) }),
  }),
];
