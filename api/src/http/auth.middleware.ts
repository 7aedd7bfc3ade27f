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
 */
export function authenticate(auth: AuthService, allowedOrigins: readonly string[]): RequestHandler {
  return async (req, res, next) => {
    const ctx = res.locals.ctx as RequestCtx;
    const header = req.get('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const cookie = bearer ? undefined : req.headers.cookie ? parseCookies(req.headers.cookie, { decode: rawValue })[SESSION_COOKIE] : undefined;
    const token = bearer ?? cookie;
    if (token) {
      const found = await auth.authenticate(token);
      if (found) {
        res.locals.crossOriginCookie = cookie !== undefined && crossOriginWrite(req, allowedOrigins);
        ctx.user = found.user;
        ctx.credential = found.credential;
      }
    }
    next();
  };
}

/** Session tokens are base64url: taken as sent, never percent-decoded (as before the cookie library). */
const rawValue = (value: string) => value;
