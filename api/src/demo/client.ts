import { ROUTES, pathTo, type CreatedApiToken, type LoginResponse } from '@handover/shared';

/** One user's calls to the public API; JSON in and out, CSV when asked. */
export type Caller = <T = unknown>(method: string, path: string, body?: unknown, options?: { csv?: boolean; version?: number }) => Promise<T>;

export function caller(base: string, token?: string): Caller {
  return async <T>(method: string, path: string, body?: unknown, options: { csv?: boolean; version?: number } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': options.csv ? 'text/csv' : 'application/json' } : {}),
        ...(options.version !== undefined ? { 'If-Match': `"${options.version}"` } : {}),
      },
      body: body === undefined ? undefined : options.csv ? (body as string) : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export type Actor = { call: Caller; tokenId: string };

/**
 * Signs in once and works with an API token from then on: the story jumps weeks at a time, and a
 * session would idle out (and cost another slow password check) after every jump. The story spans
 * six months, so the token lasts the longest a token may (docs/domain.md#access-lifecycle).
 */
export async function signInWithToken(base: string, email: string, password: string): Promise<Actor> {
  const session = caller(base, (await caller(base)<LoginResponse>('POST', pathTo(ROUTES.login, {}), { email, password })).token);
  const token = await session<CreatedApiToken>('POST', pathTo(ROUTES.myTokens, {}), { name: 'Demo seeding', expiresInDays: 365 });
  await session('POST', pathTo(ROUTES.logout, {}));
  return { call: caller(base, token.token), tokenId: token.id };
}
