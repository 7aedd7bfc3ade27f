import { createHash, randomBytes } from 'node:crypto';

export const SESSION_PREFIX = 'hos_';
export const API_TOKEN_PREFIX = 'hot_';
export const SESSION_COOKIE = 'handover_session';

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
