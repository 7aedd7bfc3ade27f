import type { TestApp } from './app';
import { createMilestone, milestoneInput, planInput, type PlanWorld } from './factories';

/**
 * The role matrix as data: every route of the API that a role may or may not call, with how to
 * build a request for it and how to read back what it would change. tests/api/role-matrix.test.ts
 * crosses it with every kind of caller. Append the routes of new modules to ROUTES.
 */

export const CALLERS = ['admin', 'lead', 'executive', 'agency', 'outsider', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_LABEL: Record<Caller, string> = {
  admin: 'an admin',
  lead: 'a lead',
  executive: 'an executive',
  agency: 'an agency member',
  outsider: 'a signed-in non-member',
  anonymous: 'an anonymous caller',
};

type Rule = Record<Caller, 'ok' | 401 | 403 | 404>;

/** DESIGN section 6, row by row: 'ok' where the caller may, otherwise the status they get. */
export const SECTION_6 = {
  /** read plan, milestones, skills coverage, handovers, posts, share, summary */
  read: { admin: 'ok', lead: 'ok', executive: 'ok', agency: 'ok', outsider: 404, anonymous: 401 },
  /** read assessments, matrix, activity */
  readSensitive: { admin: 'ok', lead: 'ok', executive: 'ok', agency: 403, outsider: 404, anonymous: 401 },
  /** edit plan, members, milestones, people, skills, assessments, adoption */
  edit: { admin: 'ok', lead: 'ok', executive: 403, agency: 403, outsider: 404, anonymous: 401 },
  /** create handovers, move up to in_house */
  handover: { admin: 'ok', lead: 'ok', executive: 403, agency: 'ok', outsider: 404, anonymous: 401 },
  /** accept or reopen handovers */
  acceptHandover: { admin: 'ok', lead: 'ok', executive: 403, agency: 403, outsider: 404, anonymous: 401 },
  /** record posts (agency: `agency` source only) */
  recordPosts: { admin: 'ok', lead: 'ok', executive: 403, agency: 'ok', outsider: 404, anonymous: 401 },
  /** create plans, users (and, by extension, list users) */
  admin: { admin: 'ok', lead: 403, executive: 403, agency: 403, outsider: 403, anonymous: 401 },
  /** not in section 6: anything any signed-in user may do, such as listing their own plans */
  signedIn: { admin: 'ok', lead: 'ok', executive: 'ok', agency: 'ok', outsider: 'ok', anonymous: 401 },
} as const satisfies Record<string, Rule>;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What every case may use: the app, one plan with a user per role, and their tokens. */
export type MatrixCtx = { t: TestApp; world: PlanWorld; tokens: Record<Caller, string | undefined> };

/** A request ready to send. */
export type Prepared = { path: string; body?: unknown; headers?: Record<string, string> };

export type RouteCase = {
  method: Method;
  /** The route as registered, under /api/v1. */
  route: string;
  rule: keyof typeof SECTION_6;
  /** The status when the caller may do it. */
  ok: number;
  /** Where a route departs from its row of section 6; say why beside it. */
  except?: Partial<Record<Caller, number>>;
  /** Build the request on fresh data (as admin), so an allowed write never spoils the next case. */
  prepare: (c: MatrixCtx) => Promise<Prepared>;
  /**
   * Writes only: read back (as admin) what the request would change. A refused write must leave
   * it equal; an allowed one must change it (which proves the read-back can see the change).
   */
  state?: (c: MatrixCtx, p: Prepared) => Promise<unknown>;
};

export function expectedStatus(rc: RouteCase, caller: Caller): number {
  const rule = SECTION_6[rc.rule][caller];
  return rc.except?.[caller] ?? (rule === 'ok' ? rc.ok : rule);
}

export async function send(c: MatrixCtx, p: Prepared, method: Method, token: string | undefined) {
  let req = c.t.as(token)[method](`/api/v1${p.path}`);
  if (p.headers) req = req.set(p.headers);
  return p.body === undefined ? req : req.send(p.body as object);
}

/** GET as admin; throws unless 200, so a broken read-back cannot pass for "unchanged". */
export async function adminGet(c: MatrixCtx, path: string): Promise<{ body: unknown; etag: string | undefined }> {
  const res = await c.t.as(c.world.admin.token).get(`/api/v1${path}`);
  if (res.status !== 200) throw new Error(`GET ${path} as admin: ${res.status} ${JSON.stringify(res.body)}`);
  return { body: res.body, etag: res.headers.etag as string | undefined };
}

/** Like adminGet, but a 404 is a state too (the thing is gone). */
export async function adminRead(c: MatrixCtx, path: string): Promise<unknown> {
  const res = await c.t.as(c.world.admin.token).get(`/api/v1${path}`);
  if (res.status !== 200 && res.status !== 404) throw new Error(`GET ${path} as admin: ${res.status}`);
  return { status: res.status, body: res.status === 200 ? res.body : null };
}

let unique = 0;
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${(unique += 1)}`;

const planPath = (c: MatrixCtx) => `/plans/${c.world.planId}`;

async function freshMilestone(c: MatrixCtx): Promise<string> {
  const ms = await createMilestone(c.t, c.world.admin.token, c.world.planId, { title: uniqueName('Matrix milestone') });
  return `${planPath(c)}/milestones/${ms.id}`;
}

async function freshMember(c: MatrixCtx): Promise<string> {
  const u = await c.t.user();
  const path = `${planPath(c)}/members/${u.id}`;
  const res = await c.t.as(c.world.admin.token).put(`/api/v1${path}`).send({ role: 'executive' });
  if (res.status !== 201) throw new Error(`member: ${res.status}`);
  return path;
}

export const ROUTES: RouteCase[] = [
  // Plans
  {
    method: 'post',
    route: '/plans',
    rule: 'admin',
    ok: 201,
    prepare: async () => ({ path: '/plans', body: planInput({ name: uniqueName('Matrix plan') }) }),
    state: async (c) => (await adminGet(c, '/plans?limit=1')).body,
  },
  {
    method: 'get',
    route: '/plans',
    rule: 'signedIn',
    ok: 200,
    prepare: async () => ({ path: '/plans' }),
  },
  {
    method: 'get',
    route: '/plans/:planId',
    rule: 'read',
    ok: 200,
    prepare: async (c) => ({ path: planPath(c) }),
  },
  {
    method: 'patch',
    route: '/plans/:planId',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => {
      const { etag } = await adminGet(c, planPath(c));
      return { path: planPath(c), headers: { 'If-Match': etag! }, body: { name: uniqueName('Renamed') } };
    },
    state: async (c) => (await adminGet(c, planPath(c))).body,
  },
  // Members
  {
    method: 'get',
    route: '/plans/:planId/members',
    rule: 'read',
    ok: 200,
    prepare: async (c) => ({ path: `${planPath(c)}/members` }),
  },
  {
    method: 'put',
    route: '/plans/:planId/members/:userId',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => {
      const u = await c.t.user();
      return { path: `${planPath(c)}/members/${u.id}`, body: { role: 'lead' } };
    },
    state: async (c) => (await adminGet(c, `${planPath(c)}/members`)).body,
  },
  {
    method: 'delete',
    route: '/plans/:planId/members/:userId',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshMember(c) }),
    state: async (c) => (await adminGet(c, `${planPath(c)}/members`)).body,
  },
  // Milestones
  {
    method: 'get',
    route: '/plans/:planId/milestones',
    rule: 'read',
    ok: 200,
    prepare: async (c) => ({ path: `${planPath(c)}/milestones` }),
  },
  {
    method: 'post',
    route: '/plans/:planId/milestones',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => ({
      path: `${planPath(c)}/milestones`,
      body: milestoneInput({ title: uniqueName('Created') }),
      headers: { 'Idempotency-Key': uniqueName('matrix').replace(/\s/g, '-') },
    }),
    state: async (c) => (await adminGet(c, `${planPath(c)}/milestones?limit=1`)).body,
  },
  {
    method: 'get',
    route: '/plans/:planId/milestones/:milestoneId',
    rule: 'read',
    ok: 200,
    prepare: async (c) => ({ path: await freshMilestone(c) }),
  },
  {
    method: 'patch',
    route: '/plans/:planId/milestones/:milestoneId',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => ({
      path: await freshMilestone(c),
      headers: { 'If-Match': '"1"' },
      body: { title: uniqueName('Edited'), status: 'in_progress' },
    }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/milestones/:milestoneId',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshMilestone(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  // Activity
  {
    method: 'get',
    route: '/plans/:planId/activity',
    rule: 'readSensitive',
    ok: 200,
    prepare: async (c) => ({ path: `${planPath(c)}/activity` }),
  },
  // Users
  {
    method: 'post',
    route: '/users',
    rule: 'admin',
    ok: 201,
    prepare: async () => ({
      path: '/users',
      body: { email: `${uniqueName('matrix').replace(/\W/g, '-')}@example.com`, name: 'Matrix user', password: 'long-enough-pw' },
    }),
    state: async (c) => (await adminGet(c, '/users?limit=1')).body,
  },
  {
    method: 'get',
    route: '/users',
    rule: 'admin',
    ok: 200,
    prepare: async () => ({ path: '/users' }),
  },
];
