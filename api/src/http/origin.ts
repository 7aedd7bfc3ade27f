import type { Request } from 'express';
import { forbidden, type AppError } from '../core/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser attaches the session cookie to requests another site makes it send, so a write
 * authenticated by the cookie must come from a page of our own origin (docs/architecture.md#the-origin-check):
 * its `Origin` names this host (as the request reached us, or `PUBLIC_URL`, or one of `CORS_ORIGINS`),
 * or, without an `Origin`, the browser says `Sec-Fetch-Site: same-origin`. Bearer tokens are never
 * sent by a browser on its own, so they are not checked.
 */
export function crossOriginWrite(req: Request, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.get('origin');
  if (origin === undefined) return req.get('sec-fetch-site') !== 'same-origin';
  return !isAllowed(origin, req, allowedOrigins);
}

export const crossOrigin = (): AppError =>
  forbidden('A change made with the session cookie must come from this site: send it from the dashboard, or use a bearer token.');

function isAllowed(origin: string, req: Request, allowedOrigins: readonly string[]): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (allowedOrigins.includes(url.origin)) return true;
  // `req.host` is the Host header (or X-Forwarded-Host behind a trusted proxy), with its port.
  return req.host !== undefined && url.host === req.host.toLowerCase();
}
