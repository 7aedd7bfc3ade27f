import type { RequestHandler } from 'express';
import type { AuthService } from '../modules/auth/auth.service';
import { SESSION_COOKIE } from '../modules/auth/tokens';
import type { RequestCtx } from './context';

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Resolves the caller from `Authorization: Bearer` or the session cookie; routes decide whether it is required. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const ctx = res.locals.ctx as RequestCtx;
    const header = req.get('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const token = bearer ?? cookieValue(req.headers.cookie, SESSION_COOKIE);
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
