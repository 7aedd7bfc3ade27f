import { randomUUID } from 'node:crypto';
import { startApp, type TestApp, type TestUser } from '../support/app';
import { assessmentInput, createMilestone, createPerson, createSkill, memberInput, milestoneInput, planInput, planWorld, userInput, type PlanWorld } from '../support/fixtures';
import { expectFieldError, expectProblem } from '../support/problem';
import {
  CALLERS,
  CALLER_LABEL,
  ROUTES,
  PERMISSION_RULES,
  expectedStatus,
  send,
  tokensOf,
  type Caller,
  type MatrixCtx,
  type Method,
  type Prepared,
  type RouteCase,
} from '../support/route-table';
import { difference, snapshot } from './support/snapshot';

/**
 * The full matrix: every plan route, /plans and /users (the shared table in tests/support/route-table.ts)
 * x the six callers of the permission table (docs/domain.md) x a member of another plan using this plan's ids (BOLA),
 * with the whole database compared before and after every write that must be refused.
 * Then the rows the table cannot hold (accept/reopen) and the property-level rules.
 */

let t: TestApp;
let c: MatrixCtx;
let other: PlanWorld;
let cases = 0;

beforeAll(async () => {
  t = await startApp();
  const world = await planWorld(t);
  other = await planWorld(t, world.admin);
  c = { t, world, tokens: tokensOf(world) };
});
afterAll(async () => {
  console.log(`role matrix: ${cases} cases`);
  await t.close();
});

const SLUG: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 422: 'validation-failed' };
const isWrite = (m: Method) => m !== 'get';

/** Send, check the status (and problem type), and prove a refused write changed nothing in the database. */
async function expectCall(method: Method, prepared: Prepared, token: string | undefined, status: number): Promise<void> {
  cases += 1;
  const before = isWrite(method) ? await snapshot(t.db) : null;
  const res = await send(c, prepared, method, token);
  if (status >= 400) expectProblem(res, status, SLUG[status]);
  else expect({ status: res.status, body: res.body }).toMatchObject({ status });
  if (!before) return;
  const changes = difference(before, await snapshot(t.db));
  if (status >= 400) expect(changes).toEqual({});
  else expect(Object.keys(changes).length).toBeGreaterThan(0);
}

test('When the OpenAPI document is read, then every route with a planId, /plans, every /users route and the receivers are in the matrix table exactly once', () => {
  const doc = t.openapi as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths)
    .filter(([path]) => /\{planId\}|^\/api\/v1\/(plans|users)$|^\/api\/v1\/(users|ingest)\//.test(path))
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
  const listed = ROUTES.map((r) => `${r.method} ${r.route}`);
  expect(new Set(listed).size).toBe(listed.length);
  expect(documented.filter((r) => !listed.includes(r))).toEqual([]);
  expect(listed.filter((r) => !documented.includes(r))).toEqual([]);
});

const planScoped = (rc: RouteCase) => rc.route.includes(':planId');
/** Path parameters that name something inside the plan (a user id is global; a week is not an id). */
const childParam = (rc: RouteCase) => /:(?!planId|userId)\w+Id\b/.test(rc.route);

describe.each(ROUTES.map((rc) => [`${rc.method.toUpperCase()} ${rc.route}`, rc] as const))('%s', (name, rc) => {
  test.each(CALLERS.map((caller) => [CALLER_LABEL[caller], caller] as const))(
    `When %s calls ${name}, then the status is the one of the permission table${isWrite(rc.method) ? ', and a refusal changes nothing' : ''}`,
    async (_label, caller: Caller) => {
      await expectCall(rc.method, await rc.prepare(c), c.tokens[caller], expectedStatus(rc, caller));
    },
  );

  if (planScoped(rc)) {
    test(`When a lead of another plan calls ${name} with this plan's ids, then 404 and nothing changes`, async () => {
      await expectCall(rc.method, await rc.prepare(c), other.lead.token, 404);
    });
    test(`When an agency member of another plan calls ${name} with this plan's ids, then 404 and nothing changes`, async () => {
      await expectCall(rc.method, await rc.prepare(c), other.agency.token, 404);
    });
  }

  if (childParam(rc)) {
    test(`When a lead of another plan calls ${name} on their own plan with this plan's object id, then 404 and nothing changes`, async () => {
      const prepared = await rc.prepare(c);
      const swapped = { ...prepared, path: prepared.path.replace(c.world.planId, other.planId) };
      await expectCall(rc.method, swapped, other.lead.token, 404);
    });
  }
});

describe('accepting and reopening handovers (the permission table, the acceptHandover row)', () => {
  async function handoverAt(status: 'shadowing' | 'reverse_shadowing' | 'in_house' | 'accepted'): Promise<string> {
    const base = `/api/v1/plans/${c.world.planId}/handovers`;
    const created = await t.as(c.world.admin.token).post(base).send({ title: `At ${status} ${randomUUID()}` });
    const ladder = ['shadowing', 'reverse_shadowing', 'in_house', 'accepted'];
    for (const to of ladder.slice(0, ladder.indexOf(status) + 1)) {
      const res = await t.as(c.world.admin.token).post(`${base}/${created.body.id}/transitions`).send({ to });
      if (res.status !== 200) throw new Error(`transition to ${to}: ${res.status}`);
    }
    return `/plans/${c.world.planId}/handovers/${created.body.id}/transitions`;
  }
  const rule = (row: keyof typeof PERMISSION_RULES, caller: Caller) => {
    const r = PERMISSION_RULES[row][caller];
    return r === 'ok' ? 200 : r;
  };
  const callers = [...CALLERS.map((k) => [CALLER_LABEL[k], k] as const), ['a lead of another plan', 'other'] as const];
  const tokenOf = (k: Caller | 'other') => (k === 'other' ? other.lead.token : c.tokens[k]);
  const expected = (row: keyof typeof PERMISSION_RULES, k: Caller | 'other') => (k === 'other' ? 404 : rule(row, k));

  test.each(callers)('When %s accepts a handover that is in house, then the acceptHandover row decides', async (_l, k) => {
    await expectCall('post', { path: await handoverAt('in_house'), body: { to: 'accepted' } }, tokenOf(k), expected('acceptHandover', k));
  });
  test.each(callers)('When %s reopens an accepted handover, then the acceptHandover row decides', async (_l, k) => {
    await expectCall('post', { path: await handoverAt('accepted'), body: { to: 'in_house' } }, tokenOf(k), expected('acceptHandover', k));
  });
  test.each(callers)('When %s moves a handover back a step, then the acceptHandover row decides', async (_l, k) => {
    await expectCall('post', { path: await handoverAt('shadowing'), body: { to: 'agency' } }, tokenOf(k), expected('acceptHandover', k));
  });
  test.each(callers)('When %s moves a handover up to in house, then the handover row decides', async (_l, k) => {
    await expectCall('post', { path: await handoverAt('reverse_shadowing'), body: { to: 'in_house' } }, tokenOf(k), expected('handover', k));
  });
});

describe('references into another plan (BOLA through the body)', () => {
  const ids = async (w: PlanWorld) => {
    const person = await createPerson(t, w.admin.token, w.planId, { name: 'Ref person' });
    const skill = await createSkill(t, w.admin.token, w.planId, { name: `Ref skill ${randomUUID()}` });
    const milestone = await createMilestone(t, w.admin.token, w.planId, { title: 'Ref' });
    return { personId: person.id, skillId: skill.id, milestoneId: milestone.id };
  };

  test("When a lead assesses a person or skill of another plan, then 422 and nothing changes", async () => {
    const mine = await ids(other);
    const theirs = await ids(c.world);
    const path = `/plans/${other.planId}/assessments`;
    await expectCall('post', { path, body: assessmentInput({ personId: theirs.personId, skillId: mine.skillId }) }, other.lead.token, 422);
    await expectCall('post', { path, body: assessmentInput({ personId: mine.personId, skillId: theirs.skillId }) }, other.lead.token, 422);
    await expectCall('post', { path, body: assessmentInput({ personId: mine.personId, skillId: mine.skillId }) }, other.lead.token, 201);
  });

  test('When a lead makes a milestone depend on a milestone of another plan, on create or edit, then 422 and nothing changes', async () => {
    const mine = await ids(other);
    const theirs = await ids(c.world);
    const base = `/plans/${other.planId}/milestones`;
    const body = milestoneInput({ title: 'Depends', phase: 'agency_exit', dueDate: '2026-05-04', dependsOn: [theirs.milestoneId] });
    await expectCall('post', { path: base, body }, other.lead.token, 422);
    await expectCall(
      'patch',
      { path: `${base}/${mine.milestoneId}`, headers: { 'If-Match': '"1"' }, body: { dependsOn: [theirs.milestoneId] } },
      other.lead.token,
      422,
    );
  });
});

describe('property-level rules', () => {
  /** Fields the server owns. A strict schema refuses them whatever the route. */
  const SERVER_OWNED: Record<string, unknown> = {
    id: randomUUID(),
    planId: randomUUID(),
    version: 99,
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
    isAdmin: true,
  };
  const ROUTE_OWNED: Record<string, Record<string, unknown>> = {
    '/plans/:planId/milestones': { completedAt: '2020-01-01T00:00:00.000Z' },
    '/plans/:planId/milestones/:milestoneId': { completedAt: '2020-01-01T00:00:00.000Z' },
    '/plans/:planId/handovers': { status: 'accepted', history: [] },
    '/plans/:planId/handovers/:handoverId': { status: 'accepted', history: [] },
    // "from" is a client field on transitions (a stale one is a 409); the server owns when and who.
    '/plans/:planId/handovers/:handoverId/transitions': { at: '2020-01-01T00:00:00.000Z', actor: {} },
    '/plans/:planId/posts': { createdAt: '2020-01-01T00:00:00.000Z' },
    // Who recorded a session decides who may change it (docs/domain.md#knowledge-transfer-sessions).
    '/plans/:planId/kt-sessions': { createdBy: randomUUID() },
    '/plans/:planId/kt-sessions/:sessionId': { createdBy: randomUUID() },
  };
  // Deactivating and reactivating a user, and committing a mapped import, take no body at all;
  // uploads are files. A receiver's body is the tool's own payload (its `id` is the tool's post id),
  // checked by tests/api/ingest-secrets/receivers.test.ts.
  const jsonWrites = ROUTES.filter(
    (rc) =>
      isWrite(rc.method) &&
      rc.method !== 'delete' &&
      !/\/imports?$/.test(rc.route) &&
      !/\/((de|re)activate|commit)$/.test(rc.route) &&
      !rc.route.startsWith('/ingest/'),
  );
  const rows = jsonWrites.flatMap((rc) =>
    Object.entries({ ...SERVER_OWNED, ...ROUTE_OWNED[rc.route] })
      // An admin creating a user is the one place isAdmin may be set.
      .filter(([field]) => !(rc.route === '/users' && field === 'isAdmin'))
      .map(([field, value]) => [`${rc.method.toUpperCase()} ${rc.route}`, field, rc, value] as const),
  );

  test.each(rows)('When a client sends %s with "%s", then 422 names the field and nothing changes', async (_name, field, rc, value) => {
    const prepared = await rc.prepare(c);
    // A batch (a JSON array of posts) gets the field on its first item, named by index.
    const list = Array.isArray(prepared.body) ? (prepared.body as Array<Record<string, unknown>>) : null;
    const body = list ? [{ ...list[0], [field]: value }, ...list.slice(1)] : { ...(prepared.body as Record<string, unknown>), [field]: value };
    cases += 1;
    const before = await snapshot(t.db);
    const res = await send(c, { ...prepared, body }, rc.method, c.world.admin.token);
    expectFieldError(res, list ? `0.${field}` : field);
    expect(difference(before, await snapshot(t.db))).toEqual({});
  });

  test('When an admin creates a user with isAdmin, then it is an admin; without it, a plain user who may not create plans', async () => {
    const as = t.as(c.world.admin.token);
    const admin = await as.post('/api/v1/users').send(userInput({ name: 'Root', password: 'long-enough-pw', isAdmin: true }));
    expect(admin.status).toBe(201);
    expect(admin.body.isAdmin).toBe(true);
    const plain = await as.post('/api/v1/users').send(userInput({ name: 'Plain', password: 'long-enough-pw' }));
    expect(plain.body.isAdmin).toBe(false);
    const login = await t.as().post('/api/v1/auth/login').send({ email: plain.body.email, password: 'long-enough-pw' });
    await expectCall('post', { path: '/plans', body: planInput({ name: 'Nope' }) }, login.body.token, 403);
  });

  test('When a signed-in user tries to make themselves an admin (sign-in, password change, membership), then 422 and nothing changes', async () => {
    const u: TestUser = await t.user();
    await expectCall('post', { path: '/auth/login', body: { email: u.email, password: u.password, isAdmin: true } }, undefined, 422);
    await expectCall('post', { path: '/me/password', body: { currentPassword: u.password, newPassword: 'another-long-one', isAdmin: true } }, u.token, 422);
    await expectCall('put', { path: `/plans/${c.world.planId}/members/${c.world.lead.id}`, body: { ...memberInput('lead'), isAdmin: true } }, c.world.lead.token, 422);
    await expectCall('put', { path: `/plans/${c.world.planId}/members/${c.world.lead.id}`, body: { role: 'admin' } }, c.world.lead.token, 422);
    expect((await t.as(u.token).get('/api/v1/me')).body.user.isAdmin).toBe(false);
  });

  test.each(['in_house', 'co_authored'])('When agency staff record a post with source %s, then 403 and nothing is stored', async (source) => {
    const body = { channel: 'linkedin', publishedAt: '2026-03-02T10:00:00Z', source, externalId: `esc-${randomUUID()}` };
    await expectCall('post', { path: `/plans/${c.world.planId}/posts`, body }, c.world.agency.token, 403);
    await expectCall('post', { path: `/plans/${c.world.planId}/posts`, body, headers: { 'Idempotency-Key': randomUUID() } }, c.world.agency.token, 403);
    await expectCall('post', { path: `/plans/${c.world.planId}/posts`, body }, c.world.lead.token, 201);
  });

  test('When agency staff import a file with one non-agency row, then the whole import is 403 (dry run too) and nothing is stored', async () => {
    const csv =
      'channel,published_at,source,external_id,author\n' +
      `linkedin,2026-03-02T10:00:00Z,agency,esc-a-${randomUUID()},\n` +
      `linkedin,2026-03-02T11:00:00Z,in_house,esc-b-${randomUUID()},\n`;
    const prepared = (query: string) => ({ path: `/plans/${c.world.planId}/posts/import${query}`, headers: { 'Content-Type': 'text/csv' }, body: csv });
    await expectCall('post', prepared(''), c.world.agency.token, 403);
    await expectCall('post', prepared('?dryRun=true'), c.world.agency.token, 403);
    await expectCall('post', prepared(''), c.world.lead.token, 200);
  });
});
