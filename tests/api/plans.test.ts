import type { CreatePlan } from '@handover/shared';
import { setupApp, type TestUser } from '../support/app';
import { createPlan, GHOST, INSTANT, planInput, planWorld, UUID, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const t = setupApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
});

const newPlan = (overrides: Partial<CreatePlan> = {}) => createPlan(t, admin.token, overrides);
const readPlan = async (planId: string) => (await t.as(admin.token).get(`/api/v1/plans/${planId}`)).body;
const planCount = async () => (await t.as(admin.token).get('/api/v1/plans')).body.total as number;

describe('POST /plans', () => {
  test('When an admin creates a plan, then 201 with every field, default targets, version 1 and an ETag', async () => {
    const input = planInput();
    const res = await t.as(admin.token).post('/api/v1/plans').send(input);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    // Every field as sent (planInput gives all of them but targets), the default targets, and what the server sets.
    expect(Object.keys(input).sort()).toEqual(['agencyName', 'brand', 'contractEndDate', 'name', 'startDate', 'targetExitDate']);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      ...input,
      targets: { inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 },
      exitedAt: null,
      exitOverrideReason: null,
      version: 1,
      createdAt: expect.stringMatching(INSTANT),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(await readPlan(res.body.id)).toEqual(res.body);
  });

  test('When contractEndDate is left out and some targets are given, then it is null and the other targets default', async () => {
    const { contractEndDate: _c, ...input } = planInput();
    const res = await t.as(admin.token).post('/api/v1/plans').send({ ...input, targets: { inHouseShare: 0.75 } });
    expect(res.status).toBe(201);
    expect(res.body.contractEndDate).toBeNull();
    expect(res.body.targets).toEqual({ inHouseShare: 0.75, sustainWeeks: 4, internalAdoption: 0.6 });
  });

  test('When the creator names leads, then they become leads of the new plan and see it', async () => {
    const lead = await t.user();
    const res = await t.as(admin.token).post('/api/v1/plans').send({ ...planInput({ name: 'Led plan' }), leads: [lead.id] });
    expect(res.status).toBe(201);
    const members = await t.as(admin.token).get(`/api/v1/plans/${res.body.id}/members`);
    expect(members.body.items).toEqual([{ userId: lead.id, email: lead.email, name: expect.any(String), role: 'lead', accessUntil: null, effectiveAccessUntil: null }]);
    const mine = await t.as(lead.token).get('/api/v1/plans');
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
  });

  test('When a named lead is not a user, then 422 names the entry and no plan is created', async () => {
    const before = await planCount();
    const res = await t.as(admin.token)
      .post('/api/v1/plans')
      .send({ ...planInput(), leads: [admin.id, GHOST] });
    expectFieldError(res, 'leads.1', { only: true });
    expect(await planCount()).toBe(before);
  });

  test.each([
    ['name', 'blank', { name: ' ' }],
    ['brand', 'missing', { brand: undefined }],
    ['startDate', 'not a date', { startDate: '05/01/2026' }],
    ['startDate', 'not a real day', { startDate: '2026-02-30' }],
    ['targetExitDate', 'before the start', { targetExitDate: '2025-12-31' }],
    ['contractEndDate', 'before the start', { contractEndDate: '2025-12-31' }],
    ['targets.inHouseShare', 'above 1', { targets: { inHouseShare: 1.5 } }],
    ['targets.sustainWeeks', 'not an integer', { targets: { sustainWeeks: 2.5 } }],
    ['targets.internalAdoption', 'negative', { targets: { internalAdoption: -0.1 } }],
    ['leads.0', 'not a UUID', { leads: ['nope'] }],
  ])('When %s is %s, then 422 names it and no plan is created', async (path, _why, override) => {
    const before = await planCount();
    const res = await t.as(admin.token).post('/api/v1/plans').send({ ...planInput(), ...override });
    expectFieldError(res, path);
    expect(await planCount()).toBe(before);
  });

  test.each([['id'], ['version'], ['createdAt'], ['updatedAt'], ['owner']])(
    'When the client sends %s, then 422 as an unknown field and no plan is created',
    async (field) => {
      const before = await planCount();
      const res = await t.as(admin.token).post('/api/v1/plans').send({ ...planInput(), [field]: field === 'version' ? 7 : 'x' });
      expectFieldError(res, field, { message: `unknown field: ${field}`, only: true });
      expect(await planCount()).toBe(before);
    },
  );

  test('When an unknown target is sent, then 422 names it by its full path', async () => {
    const res = await t.as(admin.token).post('/api/v1/plans').send({ ...planInput(), targets: { posts: 3 } });
    expectFieldError(res, 'targets.posts', { message: 'unknown field: posts', only: true });
  });

  test('When a non-admin creates a plan, then 403, anonymous 401, and no plan is created', async () => {
    const world = await planWorld(t, admin);
    const before = await planCount();
    for (const u of [world.lead, world.executive, world.agency, world.outsider]) {
      expectProblem(await t.as(u.token).post('/api/v1/plans').send(planInput()), 403, 'forbidden');
    }
    expectProblem(await t.as().post('/api/v1/plans').send(planInput()), 401, 'unauthorized');
    expect(await planCount()).toBe(before);
  });
});

describe('GET /plans', () => {
  test('When a member lists plans, then only plans they belong to come back; admins see all', async () => {
    const world = await planWorld(t, admin);
    await newPlan({ name: 'Someone else' });
    const mine = await t.as(world.executive.token).get('/api/v1/plans');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ items: [expect.objectContaining({ id: world.planId })], total: 1, limit: 50, offset: 0 });
    expect((await t.as(world.outsider.token).get('/api/v1/plans')).body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const all = await t.as(admin.token).get('/api/v1/plans?limit=200');
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    expect(all.body.items.map((p: { id: string }) => p.id)).toContain(world.planId);
  });

  test('When limit and offset are given, then they page through the plans in name order', async () => {
    for (const name of ['Zulu', 'Yankee', 'X-ray']) await newPlan({ name });
    const all = await t.as(admin.token).get('/api/v1/plans?limit=200');
    const names = all.body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort());
    const page = await t.as(admin.token).get('/api/v1/plans?limit=2&offset=1');
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: all.body.total });
    expect(page.body.items).toEqual(all.body.items.slice(1, 3));
    expect((await t.as(admin.token).get('/api/v1/plans?limit=999')).body.limit).toBe(200);
    expectProblem(await t.as(admin.token).get('/api/v1/plans?limit=0'), 422);
  });

  test('When nobody is signed in, then 401', async () => {
    expectProblem(await t.as().get('/api/v1/plans'), 401, 'unauthorized');
  });
});

describe('GET /plans/:planId', () => {
  let world: PlanWorld;
  beforeAll(async () => {
    world = await planWorld(t, admin);
  });

  test('When any member reads the plan, then 200 with the plan and ETag "1"', async () => {
    for (const u of [world.admin, world.lead, world.executive, world.agency]) {
      const res = await t.as(u.token).get(`/api/v1/plans/${world.planId}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body.id).toBe(world.planId);
    }
  });

  test('When a non-member reads it, then 404 exactly like a plan that does not exist', async () => {
    const stranger = await t.as(world.outsider.token).get(`/api/v1/plans/${world.planId}`);
    const missing = await t.as(world.outsider.token).get('/api/v1/plans/00000000-0000-4000-8000-000000000000');
    expectProblem(stranger, 404, 'not-found');
    expectProblem(missing, 404, 'not-found');
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, requestId: undefined });
    expect(strip(stranger.body)).toEqual(strip(missing.body));
  });

  test('When the id is not a UUID, then 404', async () => {
    expectProblem(await t.as(admin.token).get('/api/v1/plans/not-a-uuid'), 404, 'not-found');
  });

  test('When nobody is signed in, then 401', async () => {
    expectProblem(await t.as().get(`/api/v1/plans/${world.planId}`), 401, 'unauthorized');
  });
});

describe('PATCH /plans/:planId', () => {
  test('When a lead edits with the current If-Match, then 200, version and ETag advance and the change reads back', async () => {
    const world = await planWorld(t, admin);
    const res = await t.as(world.lead.token)
      .patch(`/api/v1/plans/${world.planId}`)
      .set('If-Match', '"1"')
      .send({ name: 'Renamed', contractEndDate: null, targets: { sustainWeeks: 6 } });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({
      name: 'Renamed',
      contractEndDate: null,
      version: 2,
      targets: { inHouseShare: 0.9, sustainWeeks: 6, internalAdoption: 0.6 },
    });
    const back = await t.as(world.executive.token).get(`/api/v1/plans/${world.planId}`);
    expect(back.headers.etag).toBe('"2"');
    expect(back.body).toEqual(res.body);
  });

  test('When If-Match is weak or unquoted, then it still names the version', async () => {
    const plan = await newPlan();
    const weak = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', 'W/"1"').send({ brand: 'B2' });
    expect(weak.status).toBe(200);
    const bare = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '2').send({ brand: 'B3' });
    expect(bare.status).toBe(200);
    expect(bare.body.version).toBe(3);
  });

  test('When If-Match is missing, then 428 and nothing changes', async () => {
    const plan = await newPlan();
    const before = await readPlan(plan.id);
    const res = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).send({ name: 'No precondition' });
    expectProblem(res, 428, 'precondition-required');
    expect(await readPlan(plan.id)).toEqual(before);
  });

  test('When If-Match is stale or unreadable, then 412 with the current ETag and nothing changes', async () => {
    const plan = await newPlan();
    await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send({ name: 'v2' });
    const before = await readPlan(plan.id);
    const stale = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send({ name: 'Lost update' });
    expectProblem(stale, 412, 'precondition-failed');
    expect(stale.headers.etag).toBe('"2"');
    const garbage = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"abc"').send({ name: 'Lost' });
    expectProblem(garbage, 412, 'precondition-failed');
    expect(await readPlan(plan.id)).toEqual(before);
  });

  test('When two edits race with the same If-Match, then exactly one wins with 200 and the other gets 412', async () => {
    const plan = await newPlan();
    const [a, b] = await Promise.all([
      t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send({ name: 'Edit A' }),
      t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send({ name: 'Edit B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? a : b;
    const after = await readPlan(plan.id);
    expect(after.version).toBe(2);
    expect(after.name).toBe(winner.body.name);
    const log = await activityOf(t, admin.token, plan.id, 'entity=plan&action=update');
    expect(log.total).toBe(1);
  });

  test('When only one date moves past the other stored date, then 422 and nothing changes', async () => {
    const plan = await newPlan({ contractEndDate: '2026-09-30' });
    const before = await readPlan(plan.id);
    const res = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send({ startDate: '2026-10-01' });
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['targetExitDate', 'contractEndDate']);
    expect(await readPlan(plan.id)).toEqual(before);
  });

  test.each([
    ['version', { version: 5 }],
    ['id', { id: GHOST }],
    ['updatedAt', { updatedAt: '2026-01-01T00:00:00.000Z' }],
    ['leads', { leads: [] }],
    // Only the exit sets it (docs/domain.md#ending-the-agency).
    ['exitedAt', { exitedAt: '2026-01-01T00:00:00.000Z' }],
  ])('When the client sends %s, then 422 as an unknown field and nothing changes', async (field, body) => {
    const plan = await newPlan();
    const before = await readPlan(plan.id);
    const res = await t.as(admin.token).patch(`/api/v1/plans/${plan.id}`).set('If-Match', '"1"').send(body);
    expectFieldError(res, field, { message: new RegExp(`unknown field: ${field}`), only: true });
    expect(await readPlan(plan.id)).toEqual(before);
  });

  test('When an executive, agency member or outsider edits, then 403/403/404 and nothing changes', async () => {
    const world = await planWorld(t, admin);
    const before = await readPlan(world.planId);
    const patch = (token?: string) =>
      t.as(token).patch(`/api/v1/plans/${world.planId}`).set('If-Match', '"1"').send({ name: 'Hijacked' });
    expectProblem(await patch(world.executive.token), 403, 'forbidden');
    expectProblem(await patch(world.agency.token), 403, 'forbidden');
    expectProblem(await patch(world.outsider.token), 404, 'not-found');
    expectProblem(await patch(), 401, 'unauthorized');
    expect(await readPlan(world.planId)).toEqual(before);
  });

  test('When the plan does not exist, then 404', async () => {
    const res = await t.as(admin.token)
      .patch('/api/v1/plans/00000000-0000-4000-8000-000000000000')
      .set('If-Match', '"1"')
      .send({ name: 'Ghost' });
    expectProblem(res, 404, 'not-found');
  });
});
