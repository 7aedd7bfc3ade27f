import {
  ApiTokenListSchema,
  ChangePasswordSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  LoginResponseSchema,
  LoginSchema,
  MeSchema,
  UuidSchema,
} from '@handover/shared';
import type { CookieOptions, Request } from 'express';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { AuthService } from './auth.service';
import { SESSION_COOKIE } from './tokens';

const cookieOptions = (req: Request, maxAgeMs: number): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  secure: req.secure,
  path: '/',
  maxAge: maxAgeMs,
});

export function registerAuthRoutes(api: Api, auth: AuthService, sessionMaxHours: number): void {
  api.route({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in; returns a bearer token and sets the session cookie',
    tags: ['Auth'],
    guard: { kind: 'public' },
    body: LoginSchema,
    response: LoginResponseSchema,
    handler: async ({ body }, _ctx, req, res) => {
      const result = await auth.login(body.email, body.password, req.ip ?? 'unknown');
      res.cookie(SESSION_COOKIE, result.token, cookieOptions(req, sessionMaxHours * 3_600_000));
      return { body: result };
    },
  });

  api.route({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: the token or cookie used stops working',
    tags: ['Auth'],
    guard: { kind: 'user' },
    status: 204,
    handler: async (_input, ctx, req, res) => {
      await auth.logout(ctx);
      const { maxAge: _unused, ...options } = cookieOptions(req, 0);
      res.clearCookie(SESSION_COOKIE, options);
      return { status: 204 };
    },
  });

  api.route({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user and their plan memberships',
    tags: ['Auth'],
    guard: { kind: 'user' },
    response: MeSchema,
    handler: async (_input, ctx) => ({ body: await auth.me(ctx) }),
  });

  api.route({
    method: 'post',
    path: '/me/password',
    summary: 'Change your password; your other sessions end',
    tags: ['Auth'],
    guard: { kind: 'user' },
    body: ChangePasswordSchema,
    status: 204,
    handler: async ({ body }, ctx) => {
      await auth.changePassword(ctx, body.currentPassword, body.newPassword);
      return { status: 204 };
    },
  });

  api.route({
    method: 'post',
    path: '/me/tokens',
    summary: 'Create an API token (the secret is shown once)',
    tags: ['Auth'],
    guard: { kind: 'user' },
    body: CreateApiTokenSchema,
    status: 201,
    response: CreatedApiTokenSchema,
    handler: async ({ body }, ctx) => ({ body: await auth.createToken(ctx, body.name) }),
  });

  api.route({
    method: 'get',
    path: '/me/tokens',
    summary: 'List your API tokens, without their secrets',
    tags: ['Auth'],
    guard: { kind: 'user' },
    response: ApiTokenListSchema,
    handler: async (_input, ctx) => ({ body: await auth.listTokens(ctx) }),
  });

  api.route({
    method: 'delete',
    path: '/me/tokens/:tokenId',
    summary: 'Revoke an API token',
    tags: ['Auth'],
    guard: { kind: 'user' },
    params: z.object({ tokenId: UuidSchema }),
    status: 204,
    handler: async ({ params }, ctx) => {
      await auth.revokeToken(ctx, params.tokenId);
      return { status: 204 };
    },
  });
}
