import { parse as parseCookies } from 'cookie';
import type { RequestHandler } from 'express';
import type { RequestCtx } from '../core/context';
import type { AuthService } from '../modules/auth/auth.service';
import { SESSION_COOKIE } from '../modules/auth/tokens';

/** Resolves the caller from `Authorization: Bearer` or the session cookie; routes decide whether it is required. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const ctx = res.locals.ctx as RequestCtx;
    const header = req.get('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const token = bearer ?? (req.headers.cookie ? parseCookies(req.headers.cookie, { decode: rawValue })[SESSION_COOKIE] : undefined);
    if (token) {
      const found = await auth.authenticate(token);
      if (found) {
        ctx.user = found.user;
        ctx.credential = found.credential;
      }
    }
    next();
  };
}

/** Session tokens are base64url: taken as sent, never percent-decoded (as before the cookie library). */
const rawValue = (value: string) => value;
