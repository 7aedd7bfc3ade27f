import {
  ApiTokenListSchema,
  ChangePasswordSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  LoginResponseSchema,
  LoginSchema,
  MeSchema,
  ROUTES,
  UuidSchema,
} from '@handover/shared';
import { z } from 'zod';
import type { AuthService } from '../../modules/auth/auth.service';
import { SESSION_COOKIE } from '../../modules/auth/tokens';
import { route, type AnyRoute } from '../route-spec';

export const authRoutes = (auth: AuthService, sessionMaxHours: number): AnyRoute[] => [
  route({
    operationId: 'login',
    method: 'post',
    path: ROUTES.login,
    summary: 'Sign in; returns a bearer token and sets the session cookie',
    tags: ['Auth'],
    guard: { kind: 'public' },
    body: LoginSchema,
    response: LoginResponseSchema,
    handler: async ({ body }, ctx) => {
      const result = await auth.login(body.email, body.password, ctx.clientAddress);
      return { body: result, cookies: [{ name: SESSION_COOKIE, value: result.token, maxAgeMs: sessionMaxHours * 3_600_000 }] };
    },
  }),
  route({
    operationId: 'logout',
    method: 'post',
    path: ROUTES.logout,
    summary: 'Sign out: the token or cookie used stops working',
    tags: ['Auth'],
    guard: { kind: 'user' },
    status: 204,
    handler: async (_input, ctx) => {
      await auth.logout(ctx);
      return { status: 204, cookies: [{ name: SESSION_COOKIE, clear: true }] };
    },
  }),
  route({
    operationId: 'getMe',
    method: 'get',
    path: ROUTES.me,
    summary: 'The signed-in user and their plan memberships',
    tags: ['Auth'],
    guard: { kind: 'user' },
    response: MeSchema,
    handler: async (_input, ctx) => ({ body: await auth.me(ctx) }),
  }),
  route({
    operationId: 'changePassword',
    method: 'post',
    path: ROUTES.myPassword,
    summary: 'Change your password; your other sessions and every API token end',
    tags: ['Auth'],
    guard: { kind: 'user' },
    body: ChangePasswordSchema,
    status: 204,
    handler: async ({ body }, ctx) => {
      await auth.changePassword(ctx, body.currentPassword, body.newPassword);
      return { status: 204 };
    },
  }),
  route({
    operationId: 'createApiToken',
    method: 'post',
    path: ROUTES.myTokens,
    summary: 'Create an API token (the secret is shown once); it expires, and may be limited to recording posts in one plan',
    tags: ['Auth'],
    guard: { kind: 'user' },
    body: CreateApiTokenSchema,
    status: 201,
    response: CreatedApiTokenSchema,
    handler: async ({ body }, ctx) => ({ body: await auth.createToken(ctx, body) }),
  }),
  route({
    operationId: 'listApiTokens',
    method: 'get',
    path: ROUTES.myTokens,
    summary: 'List your API tokens, without their secrets',
    tags: ['Auth'],
    guard: { kind: 'user' },
    response: ApiTokenListSchema,
    handler: async (_input, ctx) => ({ body: await auth.listTokens(ctx) }),
  }),
  route({
    operationId: 'revokeApiToken',
    method: 'delete',
    path: ROUTES.myToken,
    summary: 'Revoke an API token',
    tags: ['Auth'],
    guard: { kind: 'user' },
    params: z.object({ tokenId: UuidSchema }),
    status: 204,
    handler: async ({ params }, ctx) => {
      await auth.revokeToken(ctx, params.tokenId);
      return { status: 204 };
    },
  }),
];
