import { UuidSchema } from '@handover/shared';
import { parse as parseCookies } from 'cookie';
import type { RequestHandler } from 'express';
import type { RequestCtx } from '../core/context';
import type { AuthService } from '../modules/auth/auth.service';
import { SESSION_COOKIE } from '../modules/auth/tokens';
import { crossOriginWrite } from './origin';

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie; routes decide whether it
 * is required. A write the cookie authenticates that does not come from our own origin is marked,
 * and the pipeline refuses it on every route that needs the caller (public ones ignore the cookie).
 * With `withPlan` (PostgreSQL) the plan the path names is read with the credential.
 */
export function authenticate(auth: AuthService, allowedOrigins: readonly string[], withPlan: boolean): RequestHandler {
  return async (req, res, next) => {
    const ctx = res.locals.ctx as RequestCtx;
    const header = req.get('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const cookie = bearer ? undefined : req.headers.cookie ? parseCookies(req.headers.cookie, { decode: rawValue })[SESSION_COOKIE] : undefined;
    const token = bearer ?? cookie;
    if (token) {
      const found = await auth.authenticate(token, withPlan ? planInPath(req.path) : undefined);
      if (found) {
        res.locals.crossOriginCookie = cookie !== undefined && crossOriginWrite(req, allowedOrigins);
        ctx.user = found.user;
        ctx.credential = found.credential;
        if (found.planAccess) ctx.planAccess = found.planAccess;
      }
    }
    next();
  };
}

const PLAN_PATH = /^\/v1\/plans\/([^/]+)(?:\/|$)/;

/**
 * The plan a path under /api names, when it is a well-formed id: read with the credential in one
 * statement on PostgreSQL (docs/performance.md#the-postgresql-read-path). The route's guard uses
 * what was read only when its own planId is the same.
 */
function planInPath(path: string): string | undefined {
  const id = PLAN_PATH.exec(path)?.[1];
  return id !== undefined && UuidSchema.safeParse(id).success ? id : undefined;
}

/** Session tokens are base64url: taken as sent, never percent-decoded (as before the cookie library). */
const rawValue = (value: string) => value;
