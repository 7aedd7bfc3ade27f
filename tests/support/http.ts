import type { Activity, Page } from '@handover/shared';
import request from 'supertest';
import type { TestApp } from './app';

/** Sign in through the API; returns the bearer token and the session cookie it set. */
export async function login(t: TestApp, email: string, password: string): Promise<{ token: string; cookie: string }> {
  const res = await request(t.app).post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token as string, cookie: sessionCookie(res) ?? '' };
}

/** The `handover_session=...` pair from a response's Set-Cookie, ready to send back as Cookie. */
export function sessionCookie(res: request.Response): string | undefined {
  return setCookies(res)
    .find((c) => c.startsWith('handover_session='))
    ?.split(';')[0];
}

export function setCookies(res: request.Response): string[] {
  const raw = res.headers['set-cookie'] as unknown;
  if (raw === undefined) return [];
  return Array.isArray(raw) ? (raw as string[]) : [String(raw)];
}

/** The plan's activity log as the given member sees it (newest first, up to 200 entries). */
export async function activityOf(t: TestApp, token: string, planId: string, query = ''): Promise<Page<Activity>> {
  const res = await t.as(token).get(`/api/v1/plans/${planId}/activity?limit=200${query ? `&${query}` : ''}`);
  if (res.status !== 200) throw new Error(`activity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Page<Activity>;
}
