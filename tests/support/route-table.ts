import type { TestApp } from './app';
import { createMilestone, createPlan, createWebhook, milestoneInput, planInput, putMember, type PlanWorld } from './fixtures';

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

/** The permission table (docs/domain.md), row by row: 'ok' where the caller may, otherwise the status they get. */
export const PERMISSION_RULES = {
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
  /** add roster entries (agency: `author` entries on the agency side), change them (agency: their own) */
  editRoster: { admin: 'ok', lead: 'ok', executive: 403, agency: 'ok', outsider: 404, anonymous: 401 },
  /** create exit items, move them up to `agency_removed`, edit their evidence; record KT sessions (agency: change only the sessions they recorded) */
  recordExit: { admin: 'ok', lead: 'ok', executive: 403, agency: 'ok', outsider: 404, anonymous: 401 },
  /** take snapshots, edit status notes, backfill, baselines */
  recordStatus: { admin: 'ok', lead: 'ok', executive: 403, agency: 403, outsider: 404, anonymous: 401 },
  /** read saved import mappings (leads edit them: `edit`) */
  readImportMappings: { admin: 'ok', lead: 'ok', executive: 'ok', agency: 403, outsider: 404, anonymous: 401 },
  /** edit or delete exit items (beyond evidence), verify them or move them back */
  manageExitItems: { admin: 'ok', lead: 'ok', executive: 403, agency: 403, outsider: 404, anonymous: 401 },
  /** create plans, users (and, by extension, list users) */
  admin: { admin: 'ok', lead: 403, executive: 403, agency: 403, outsider: 403, anonymous: 401 },
  /** webhooks, ingest secrets, the exit action */
  manageIntegrations: { admin: 'ok', lead: 'ok', executive: 403, agency: 403, outsider: 404, anonymous: 401 },
  /** public, authenticated by a credential in the path (an ingest secret): who else calls changes nothing */
  byPathSecret: { admin: 'ok', lead: 'ok', executive: 'ok', agency: 'ok', outsider: 'ok', anonymous: 'ok' },
  /** not in the permission table: anything any signed-in user may do, such as listing their own plans */
  signedIn: { admin: 'ok', lead: 'ok', executive: 'ok', agency: 'ok', outsider: 'ok', anonymous: 401 },
} as const satisfies Record<string, Rule>;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Each caller's bearer token in a plan world (none for the anonymous caller). */
export function tokensOf(world: PlanWorld): Record<Caller, string | undefined> {
  return {
    admin: world.admin.token,
    lead: world.lead.token,
    executive: world.executive.token,
    agency: world.agency.token,
    outsider: world.outsider.token,
    anonymous: undefined,
  };
}

/** What every case may use: the app, one plan with a user per role, and their tokens. */
export type MatrixCtx = { t: TestApp; world: PlanWorld; tokens: Record<Caller, string | undefined> };

/** A request ready to send. */
export type Prepared = {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Whatever the read-back needs that the path does not hold (the email of a user acted on). */
  ref?: string;
};

export type RouteCase = {
  method: Method;
  /** The route as registered, under /api/v1. */
  route: string;
  rule: keyof typeof PERMISSION_RULES;
  /** The status when the caller may do it. */
  ok: number;
  /** Where a route departs from its row of the permission table; say why beside it. */
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
  const rule = PERMISSION_RULES[rc.rule][caller];
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
  // The access lifecycle (docs/domain.md#access-lifecycle): deactivating users is for admins only.
  {
    method: 'post',
    route: '/users/:userId/deactivate',
    rule: 'admin',
    ok: 200,
    prepare: async (c) => {
      const u = await c.t.user();
      return { path: `/users/${u.id}/deactivate`, ref: u.email };
    },
    state: userAsListed,
  },
  {
    method: 'post',
    route: '/users/:userId/reactivate',
    rule: 'admin',
    ok: 200,
    prepare: async (c) => {
      const u = await c.t.user();
      const res = await c.t.as(c.world.admin.token).post(`/api/v1/users/${u.id}/deactivate`);
      if (res.status !== 200) throw new Error(`deactivate: ${res.status}`);
      return { path: `/users/${u.id}/reactivate`, ref: u.email };
    },
    state: userAsListed,
  },
];

/** The user a case acted on, as the admin list shows them (their `active` flag included). */
async function userAsListed(c: MatrixCtx, p: Prepared): Promise<unknown> {
  return (await adminGet(c, `/users?email=${encodeURIComponent(p.ref ?? '')}`)).body;
}

// ---------------------------------------------------------------------------------------------
// The handover domain (issue 3 routes), appended for the full matrix of issue 6.

async function adminCreate(c: MatrixCtx, path: string, body: unknown): Promise<{ id: string; version?: number }> {
  const res = await c.t.as(c.world.admin.token).post(`/api/v1${path}`).send(body as object);
  if (res.status !== 201) throw new Error(`POST ${path} as admin: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version?: number };
}

const freshPerson = async (c: MatrixCtx) =>
  `${planPath(c)}/people/${(await adminCreate(c, `${planPath(c)}/people`, { name: uniqueName('Person') })).id}`;

const freshSkill = async (c: MatrixCtx) =>
  `${planPath(c)}/skills/${(await adminCreate(c, `${planPath(c)}/skills`, { name: uniqueName('Skill'), requiredLevel: 3 })).id}`;

const freshHandover = async (c: MatrixCtx) =>
  `${planPath(c)}/handovers/${(await adminCreate(c, `${planPath(c)}/handovers`, { title: uniqueName('Handover') })).id}`;

let postSeq = 0;
const postBody = () => ({
  channel: 'linkedin',
  publishedAt: '2026-03-02T10:00:00Z',
  // Agency staff may record agency posts: the row of the permission table without the source rule.
  source: 'agency',
  externalId: `matrix-${Date.now().toString(36)}-${(postSeq += 1)}`,
});
const freshPost = async (c: MatrixCtx) => `${planPath(c)}/posts/${(await adminCreate(c, `${planPath(c)}/posts`, postBody())).id}`;

/** A Monday no other case has used, so every allowed adoption POST creates (201) rather than replaces. */
let week = 0;
const freshMonday = () => new Date(Date.UTC(2030, 0, 7) + 7 * 86_400_000 * (week += 1)).toISOString().slice(0, 10);

const rosterBody = () => ({ kind: 'author', match: uniqueName('matrix-author'), side: 'agency' });
const freshRosterEntry = async (c: MatrixCtx) => `${planPath(c)}/roster/${(await adminCreate(c, `${planPath(c)}/roster`, rosterBody())).id}`;

const list = (suffix: string) => async (c: MatrixCtx) => (await adminGet(c, `${planPath(c)}${suffix}`)).body;

ROUTES.push(
  // People
  { method: 'get', route: '/plans/:planId/people', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/people` }) },
  {
    method: 'post',
    route: '/plans/:planId/people',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/people`, body: { name: uniqueName('New person'), title: 'Editor' } }),
    state: list('/people?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/people/:personId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshPerson(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/people/:personId',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => ({ path: await freshPerson(c), body: { title: uniqueName('Title') } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/people/:personId',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshPerson(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  // Skills and assessments
  { method: 'get', route: '/plans/:planId/skills', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/skills` }) },
  {
    method: 'post',
    route: '/plans/:planId/skills',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/skills`, body: { name: uniqueName('New skill'), requiredLevel: 2, critical: true } }),
    state: list('/skills?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/skills/coverage', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/skills/coverage` }) },
  { method: 'get', route: '/plans/:planId/skills/matrix', rule: 'readSensitive', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/skills/matrix` }) },
  { method: 'get', route: '/plans/:planId/skills/:skillId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshSkill(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/skills/:skillId',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => ({ path: await freshSkill(c), body: { requiredPeople: 3 } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/skills/:skillId',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshSkill(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'get',
    route: '/plans/:planId/assessments',
    rule: 'readSensitive',
    ok: 200,
    prepare: async (c) => ({ path: `${planPath(c)}/assessments` }),
  },
  {
    method: 'post',
    route: '/plans/:planId/assessments',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => {
      const personId = (await freshPerson(c)).split('/').pop();
      const skillId = (await freshSkill(c)).split('/').pop();
      return { path: `${planPath(c)}/assessments`, body: { personId, skillId, level: 3 } };
    },
    state: list('/assessments?limit=1'),
  },
  // Handovers
  { method: 'get', route: '/plans/:planId/handovers', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/handovers` }) },
  {
    method: 'post',
    route: '/plans/:planId/handovers',
    rule: 'handover',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/handovers`, body: { title: uniqueName('Logged'), channel: 'x' } }),
    state: list('/handovers?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/handovers/:handoverId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshHandover(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/handovers/:handoverId',
    // Not its own row in the permission table: whoever may log a handover may correct its title, as the agency logs them.
    rule: 'handover',
    ok: 200,
    prepare: async (c) => ({ path: await freshHandover(c), headers: { 'If-Match': '"1"' }, body: { title: uniqueName('Retitled') } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/handovers/:handoverId',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshHandover(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'post',
    route: '/plans/:planId/handovers/:handoverId/transitions',
    // One step up the ladder (agency → shadowing); accepting and reopening are the acceptHandover row,
    // crossed with every caller in tests/reliability/role-matrix.test.ts.
    rule: 'handover',
    ok: 200,
    prepare: async (c) => ({ path: `${await freshHandover(c)}/transitions`, body: { to: 'shadowing' } }),
    state: async (c, p) => adminRead(c, p.path.replace(/\/transitions$/, '')),
  },
  // Posts
  {
    method: 'post',
    route: '/plans/:planId/posts/import',
    rule: 'recordPosts',
    ok: 200,
    prepare: async (c) => {
      const a = postBody();
      const b = postBody();
      const csv = `channel,published_at,source,external_id,author\n${[a, b].map((p) => `${p.channel},${p.publishedAt},agency,${p.externalId},`).join('\n')}\n`;
      return { path: `${planPath(c)}/posts/import`, headers: { 'Content-Type': 'text/csv' }, body: csv };
    },
    state: list('/posts?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/posts/export', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/posts/export` }) },
  { method: 'get', route: '/plans/:planId/posts/share', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/posts/share` }) },
  {
    method: 'post',
    route: '/plans/:planId/posts',
    rule: 'recordPosts',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/posts`, body: postBody() }),
    state: list('/posts?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/posts', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/posts` }) },
  { method: 'get', route: '/plans/:planId/posts/:postId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshPost(c) }) },
  {
    method: 'delete',
    route: '/plans/:planId/posts/:postId',
    // Not in the permission table: correcting the ledger is an edit, so leads only.
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshPost(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  // Internal adoption
  { method: 'get', route: '/plans/:planId/adoption', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/adoption` }) },
  {
    method: 'post',
    route: '/plans/:planId/adoption',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/adoption`, body: { weekStart: freshMonday(), activeUsers: 40, totalStaff: 100 } }),
    state: list('/adoption'),
  },
  {
    method: 'delete',
    route: '/plans/:planId/adoption/:weekStart',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => {
      const weekStart = freshMonday();
      const res = await c.t.as(c.world.admin.token).post(`/api/v1${planPath(c)}/adoption`).send({ weekStart, activeUsers: 1, totalStaff: 2 });
      if (res.status !== 201) throw new Error(`adoption: ${res.status}`);
      return { path: `${planPath(c)}/adoption/${weekStart}` };
    },
    state: list('/adoption'),
  },
  // Summary
  { method: 'get', route: '/plans/:planId/summary', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/summary` }) },
  // Ingest secrets and the receivers they open (docs/domain.md#receivers-and-ingest-secrets)
  { method: 'get', route: '/plans/:planId/ingest-secrets', rule: 'manageIntegrations', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/ingest-secrets` }) },
  {
    method: 'post',
    route: '/plans/:planId/ingest-secrets',
    rule: 'manageIntegrations',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/ingest-secrets`, body: { receiver: 'postiz', name: uniqueName('Matrix secret') } }),
    state: list('/ingest-secrets'),
  },
  {
    method: 'delete',
    route: '/plans/:planId/ingest-secrets/:secretId',
    rule: 'manageIntegrations',
    ok: 204,
    prepare: async (c) => ({ path: `${planPath(c)}/ingest-secrets/${(await freshIngestSecret(c, 'postiz')).id}` }),
    state: list('/ingest-secrets'),
  },
  {
    method: 'post',
    route: '/ingest/:secret/postiz',
    rule: 'byPathSecret',
    ok: 200,
    prepare: async (c) => ({ path: `/ingest/${(await freshIngestSecret(c, 'postiz')).secret}/postiz`, body: [postizRow()] }),
    state: list('/ingest-secrets'),
  },
  {
    method: 'post',
    route: '/ingest/:secret/agorapulse',
    rule: 'byPathSecret',
    ok: 200,
    prepare: async (c) => ({ path: `/ingest/${(await freshIngestSecret(c, 'agorapulse')).secret}/agorapulse`, body: agorapulseEvent() }),
    state: list('/ingest-secrets'),
  },

  // Roster, inbox and pushed posts (docs/domain.md#ingest)
  { method: 'get', route: '/plans/:planId/roster', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/roster` }) },
  {
    method: 'post',
    route: '/plans/:planId/roster',
    // An author entry on the agency side: the one kind agency staff may add too.
    rule: 'editRoster',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/roster`, body: rosterBody() }),
    state: list('/roster?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/roster/:entryId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshRosterEntry(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/roster/:entryId',
    rule: 'editRoster',
    ok: 200,
    // The entry was made by the admin: agency staff change only the entries they created.
    except: { agency: 403 },
    prepare: async (c) => ({ path: await freshRosterEntry(c), headers: { 'If-Match': '"1"' }, body: { note: uniqueName('Noted') } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/roster/:entryId',
    rule: 'editRoster',
    ok: 204,
    // As for PATCH: not an entry the agency member created.
    except: { agency: 403 },
    prepare: async (c) => ({ path: await freshRosterEntry(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  { method: 'get', route: '/plans/:planId/ingest/inbox', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/ingest/inbox` }) },
  {
    method: 'post',
    route: '/plans/:planId/posts/batch',
    // Agency-source posts, which agency staff may push.
    rule: 'recordPosts',
    ok: 200,
    prepare: async (c) => ({ path: `${planPath(c)}/posts/batch`, body: [postBody(), postBody()] }),
    state: list('/posts?limit=1'),
  },
);

// Knowledge-transfer sessions (docs/domain.md#knowledge-transfer-sessions)
const ktBody = () => ({ date: '2026-03-02', topic: uniqueName('Matrix KT'), method: 'workshop', givenBy: 'Agency trainer' });
/** A session recorded by `who`: agency staff change only the sessions they recorded. */
const freshKtSession = async (c: MatrixCtx, who: 'admin' | 'agency') => {
  const res = await c.t.as(c.world[who].token).post(`/api/v1${planPath(c)}/kt-sessions`).send(ktBody());
  if (res.status !== 201) throw new Error(`KT session as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return `${planPath(c)}/kt-sessions/${(res.body as { id: string }).id}`;
};

ROUTES.push(
  { method: 'get', route: '/plans/:planId/kt-sessions', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/kt-sessions` }) },
  {
    method: 'post',
    route: '/plans/:planId/kt-sessions',
    rule: 'recordExit',
    ok: 201,
    prepare: async (c) => ({
      path: `${planPath(c)}/kt-sessions`,
      body: ktBody(),
      headers: { 'Idempotency-Key': uniqueName('matrix-kt').replace(/\s/g, '-') },
    }),
    state: list('/kt-sessions?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/kt-sessions/:sessionId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshKtSession(c, 'admin') }) },
  {
    method: 'patch',
    route: '/plans/:planId/kt-sessions/:sessionId',
    rule: 'recordExit',
    ok: 200,
    // A session the agency member recorded: theirs to edit, and any lead's (others': the DELETE row).
    prepare: async (c) => ({ path: await freshKtSession(c, 'agency'), headers: { 'If-Match': '"1"' }, body: { notes: uniqueName('Noted') } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/kt-sessions/:sessionId',
    rule: 'recordExit',
    ok: 204,
    // A session the admin recorded: agency staff may not delete what they did not record.
    except: { agency: 403 },
    prepare: async (c) => ({ path: await freshKtSession(c, 'admin') }),
    state: async (c, p) => adminRead(c, p.path),
  },
);

async function freshIngestSecret(c: MatrixCtx, receiver: 'postiz' | 'agorapulse'): Promise<{ id: string; secret: string }> {
  const res = await c.t.as(c.world.admin.token).post(`/api/v1${planPath(c)}/ingest-secrets`).send({ receiver });
  if (res.status !== 201) throw new Error(`ingest secret: ${res.status}`);
  return res.body as { id: string; secret: string };
}

const postizRow = () => ({
  id: uniqueName('postiz'),
  content: 'Hello',
  publishDate: '2026-03-02T10:00:00.000Z',
  releaseURL: null,
  state: 'PUBLISHED',
  integration: { id: 'int-1', providerIdentifier: 'linkedin-page', name: 'Acme page' },
});

const agorapulseEvent = () => ({
  uid: uniqueName('evt'),
  type: 'PUBLISHING_POST',
  action: 'PUBLISHED',
  payload: { post: { uid: uniqueName('post'), publishDate: '2026-03-02T10:00:00.000Z', profile: { name: 'Acme', network: 'FACEBOOK' } } },
});
/** A manual snapshot of the matrix plan, taken as admin: its path. */
async function freshSnapshot(c: MatrixCtx): Promise<string> {
  return `${planPath(c)}/snapshots/${(await adminCreate(c, `${planPath(c)}/snapshots`, { rag: 'green', note: uniqueName('Note') })).id}`;
}

ROUTES.push(
  // Snapshots and baselines
  { method: 'get', route: '/plans/:planId/snapshots', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/snapshots` }) },
  {
    method: 'post',
    route: '/plans/:planId/snapshots',
    rule: 'recordStatus',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/snapshots`, body: { rag: 'amber', note: uniqueName('Status') } }),
    state: list('/snapshots?limit=1'),
  },
  {
    method: 'get',
    route: '/plans/:planId/snapshots/compare',
    rule: 'read',
    ok: 200,
    prepare: async (c) => {
      const [from, to] = [await freshSnapshot(c), await freshSnapshot(c)].map((path) => path.split('/').at(-1));
      return { path: `${planPath(c)}/snapshots/compare?from=${from}&to=${to}` };
    },
  },
  {
    method: 'post',
    route: '/plans/:planId/snapshots/backfill',
    rule: 'recordStatus',
    ok: 200,
    // The plan starts a week earlier each time, so there is always a missing week for an allowed caller to fill.
    prepare: async (c) => {
      const { body, etag } = await adminGet(c, planPath(c));
      const startDate = new Date(Date.parse(`${(body as { startDate: string }).startDate}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
      const res = await c.t.as(c.world.admin.token).patch(`/api/v1${planPath(c)}`).set('If-Match', etag!).send({ startDate });
      if (res.status !== 200) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
      return { path: `${planPath(c)}/snapshots/backfill` };
    },
    state: list('/snapshots?kind=weekly&limit=1'),
  },
  { method: 'get', route: '/plans/:planId/snapshots/:snapshotId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshSnapshot(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/snapshots/:snapshotId',
    rule: 'recordStatus',
    ok: 200,
    prepare: async (c) => {
      const path = await freshSnapshot(c);
      return { path, headers: { 'If-Match': '"1"' }, body: { note: uniqueName('Edited') } };
    },
    state: async (c, p) => (await adminGet(c, p.path)).body,
  },
  { method: 'get', route: '/plans/:planId/baselines', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/baselines` }) },
  {
    method: 'post',
    route: '/plans/:planId/baselines',
    rule: 'recordStatus',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/baselines`, body: { name: uniqueName('Baseline') } }),
    state: list('/baselines?limit=1'),
  },
  {
    method: 'get',
    route: '/plans/:planId/baselines/:baselineId',
    rule: 'read',
    ok: 200,
    prepare: async (c) => ({ path: `${planPath(c)}/baselines/${(await adminCreate(c, `${planPath(c)}/baselines`, { name: uniqueName('Baseline') })).id}` }),
  },
);

// Webhooks: leads and admins only, reads included. A public address literal, so no DNS is asked and
// nothing is sent (no dispatcher runs here).
const HOOK_URL = 'https://93.184.215.14/matrix';

async function freshWebhook(c: MatrixCtx): Promise<string> {
  const hook = await createWebhook(c.t, c.world.admin.token, c.world.planId, { url: HOOK_URL });
  return `${planPath(c)}/webhooks/${hook.id}`;
}

/** A webhook with one failed delivery: fanned out, then the webhook made inactive, so the attempt fails without a connection. */
async function failedDelivery(c: MatrixCtx): Promise<{ hookPath: string; deliveryId: string }> {
  const hookPath = await freshWebhook(c);
  const ms = await createMilestone(c.t, c.world.admin.token, c.world.planId, { title: uniqueName('Hooked') });
  const done = await c.t.as(c.world.admin.token).patch(`/api/v1${planPath(c)}/milestones/${ms.id}`).set('If-Match', '"1"').send({ status: 'done' });
  if (done.status !== 200) throw new Error(`milestone done: ${done.status}`);
  const dispatcher = c.t.services.webhookDispatcher;
  // Every event waiting is fanned out, this one included: after many cases the outbox holds more than one batch.
  while ((await dispatcher.fanOut(c.t.clock.now())) > 0);
  const off = await c.t.as(c.world.admin.token).patch(`/api/v1${hookPath}`).set('If-Match', '"1"').send({ active: false });
  if (off.status !== 200) throw new Error(`webhook off: ${off.status}`);
  await dispatcher.dispatchDue(c.t.clock.now());
  const { body } = await adminGet(c, `${hookPath}/deliveries`);
  const item = (body as { items: Array<{ id: string; state: string }> }).items[0];
  if (item?.state !== 'failed') throw new Error(`expected a failed delivery, got ${JSON.stringify(body)}`);
  return { hookPath, deliveryId: item.id };
}

ROUTES.push(
  { method: 'get', route: '/plans/:planId/webhooks', rule: 'edit', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/webhooks` }) },
  {
    method: 'post',
    route: '/plans/:planId/webhooks',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => ({
      path: `${planPath(c)}/webhooks`,
      body: { url: HOOK_URL, events: ['milestone.completed'] },
      headers: { 'Idempotency-Key': uniqueName('hook').replace(/\s/g, '-') },
    }),
    state: list('/webhooks?limit=200'),
  },
  { method: 'get', route: '/plans/:planId/webhooks/:webhookId', rule: 'edit', ok: 200, prepare: async (c) => ({ path: await freshWebhook(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/webhooks/:webhookId',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => ({ path: await freshWebhook(c), headers: { 'If-Match': '"1"' }, body: { active: false } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/webhooks/:webhookId',
    rule: 'edit',
    ok: 204,
    prepare: async (c) => ({ path: await freshWebhook(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'post',
    route: '/plans/:planId/webhooks/:webhookId/secret',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => ({ path: `${await freshWebhook(c)}/secret` }),
    state: async (c, p) => adminRead(c, p.path.replace(/\/secret$/, '')),
  },
  {
    method: 'get',
    route: '/plans/:planId/webhooks/:webhookId/deliveries',
    rule: 'edit',
    ok: 200,
    prepare: async (c) => ({ path: `${await freshWebhook(c)}/deliveries` }),
  },
  {
    method: 'post',
    route: '/plans/:planId/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    rule: 'edit',
    ok: 202,
    prepare: async (c) => {
      const { hookPath, deliveryId } = await failedDelivery(c);
      return { path: `${hookPath}/deliveries/${deliveryId}/redeliver`, ref: hookPath };
    },
    state: async (c, p) => adminRead(c, `${p.ref!}/deliveries`),
  },
);

// Mapped imports (docs/domain.md#mapped-imports): the uploads are the admin's, the rows go to the
// agency side by the file's default (so agency staff may commit them).
const importRow = () => `x,2026-04-02T10:00:00Z,${uniqueName('imp').replace(/\W/g, '-')},`;
const importMapping = { columns: { channel: 'Network', publishedAt: 'When', externalId: 'Id', author: 'By' }, dateFormat: 'ISO 8601', defaultSide: 'agency' };

async function freshUpload(c: MatrixCtx, mapped = false): Promise<string> {
  const res = await c.t.as(c.world.admin.token).post(`/api/v1${planPath(c)}/imports`).set('Content-Type', 'text/csv').send(`Network,When,Id,By\n${importRow()}\n`);
  if (res.status !== 201) throw new Error(`upload: ${res.status}`);
  const path = `${planPath(c)}/imports/${res.body.id as string}`;
  if (mapped) {
    const put = await c.t.as(c.world.admin.token).put(`/api/v1${path}/mapping`).send(importMapping);
    if (put.status !== 200) throw new Error(`mapping: ${put.status}`);
  }
  return path;
}

const uploadsOf = async (c: MatrixCtx) =>
  c.t.db.read((m) => m.query(`SELECT id FROM import_uploads WHERE plan_id = ${c.t.db.param(1)} ORDER BY id`, [c.world.planId]));

async function freshSavedMapping(c: MatrixCtx): Promise<string> {
  const path = `${planPath(c)}/import-mappings/${uniqueName('m').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const res = await c.t.as(c.world.admin.token).put(`/api/v1${path}`).send({ preset: 'handover' });
  if (res.status !== 201) throw new Error(`saved mapping: ${res.status}`);
  return path;
}

ROUTES.push(
  {
    method: 'post',
    route: '/plans/:planId/imports',
    rule: 'recordPosts',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/imports`, headers: { 'Content-Type': 'text/csv' }, body: `Network,When,Id,By\n${importRow()}\n` }),
    state: uploadsOf,
  },
  { method: 'get', route: '/plans/:planId/imports/:importId', rule: 'recordPosts', ok: 200, prepare: async (c) => ({ path: await freshUpload(c) }) },
  {
    method: 'put',
    route: '/plans/:planId/imports/:importId/mapping',
    rule: 'recordPosts',
    ok: 200,
    prepare: async (c) => {
      const path = await freshUpload(c);
      return { path: `${path}/mapping`, body: importMapping };
    },
    state: async (c, p) => ((await adminGet(c, p.path.replace(/\/mapping$/, ''))).body as { mapping?: unknown }).mapping ?? null,
  },
  {
    method: 'post',
    route: '/plans/:planId/imports/:importId/commit',
    rule: 'recordPosts',
    ok: 200,
    prepare: async (c) => ({ path: `${await freshUpload(c, true)}/commit` }),
    state: list('/posts?limit=1'),
  },
  {
    method: 'delete',
    route: '/plans/:planId/imports/:importId',
    rule: 'recordPosts',
    ok: 204,
    prepare: async (c) => ({ path: await freshUpload(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'get',
    route: '/plans/:planId/import-mappings/:name',
    rule: 'readImportMappings',
    ok: 200,
    prepare: async (c) => ({ path: await freshSavedMapping(c) }),
  },
  {
    method: 'put',
    route: '/plans/:planId/import-mappings/:name',
    rule: 'edit',
    ok: 201,
    prepare: async (c) => ({ path: `${planPath(c)}/import-mappings/${uniqueName('m').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, body: { preset: 'handover' } }),
    state: async (c, p) => adminRead(c, p.path),
  },
);

// ---------------------------------------------------------------------------------------------
// Ending the agency (docs/domain.md#ending-the-agency). The exit is one-way: each case gets a
// plan of its own with the world's users in their roles, so an allowed exit never ends the world's
// agency access (and a refused one is tried on a plan nobody exited yet). The override makes the
// allowed call succeed whatever gates are open.

async function freshExitPlan(c: MatrixCtx): Promise<string> {
  const { admin, lead, executive, agency } = c.world;
  const plan = await createPlan(c.t, admin.token, { name: uniqueName('Exit plan'), leads: [lead.id] });
  await putMember(c.t, admin.token, plan.id, executive.id, 'executive');
  await putMember(c.t, admin.token, plan.id, agency.id, 'agency');
  return `/plans/${plan.id}`;
}

ROUTES.push({
  method: 'post',
  route: '/plans/:planId/exit',
  rule: 'manageIntegrations',
  ok: 200,
  prepare: async (c) => ({ path: `${await freshExitPlan(c)}/exit`, body: { confirm: true, override: { reason: 'Role matrix' } } }),
  state: async (c, p) => (await adminGet(c, p.path.replace(/\/exit$/, ''))).body,
});
// The exit checklist (docs/domain.md#exit-checklist).

const exitItemBody = () => ({ kind: 'social_account', name: uniqueName('Instagram account'), channel: 'instagram' });
const freshExitItem = async (c: MatrixCtx) =>
  `${planPath(c)}/exit-items/${(await adminCreate(c, `${planPath(c)}/exit-items`, exitItemBody())).id}`;

ROUTES.push(
  { method: 'get', route: '/plans/:planId/exit-items', rule: 'read', ok: 200, prepare: async (c) => ({ path: `${planPath(c)}/exit-items` }) },
  {
    method: 'post',
    route: '/plans/:planId/exit-items',
    rule: 'recordExit',
    ok: 201,
    prepare: async (c) => ({
      path: `${planPath(c)}/exit-items`,
      body: exitItemBody(),
      headers: { 'Idempotency-Key': uniqueName('matrix-exit').replace(/\s/g, '-') },
    }),
    state: list('/exit-items?limit=1'),
  },
  { method: 'get', route: '/plans/:planId/exit-items/:exitItemId', rule: 'read', ok: 200, prepare: async (c) => ({ path: await freshExitItem(c) }) },
  {
    method: 'patch',
    route: '/plans/:planId/exit-items/:exitItemId',
    // Evidence is the part agency staff may edit (recordExit); other fields are manageExitItems,
    // crossed with every caller in tests/api/exit-items/roles.test.ts.
    rule: 'recordExit',
    ok: 200,
    prepare: async (c) => ({ path: await freshExitItem(c), headers: { 'If-Match': '"1"' }, body: { evidence: uniqueName('Screenshot in the IT ticket') } }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'delete',
    route: '/plans/:planId/exit-items/:exitItemId',
    rule: 'manageExitItems',
    ok: 204,
    prepare: async (c) => ({ path: await freshExitItem(c) }),
    state: async (c, p) => adminRead(c, p.path),
  },
  {
    method: 'post',
    route: '/plans/:planId/exit-items/:exitItemId/transitions',
    // One step up the ladder (listed → access_shared); verifying and moving back are manageExitItems,
    // crossed with every caller in tests/api/exit-items/roles.test.ts.
    rule: 'recordExit',
    ok: 200,
    prepare: async (c) => ({ path: `${await freshExitItem(c)}/transitions`, body: { to: 'access_shared', from: 'listed' } }),
    state: async (c, p) => adminRead(c, p.path.replace(/\/transitions$/, '')),
  },
);
