import type { CreateMilestone } from '@handover/shared';
import { setupApp } from '../support/app';
import { createMilestone, GHOST, milestoneInput, planInput, planWorld, setupPlanWorld } from '../support/fixtures';
import { expectFieldError, expectProblem } from '../support/problem';

const NOW = '2026-03-02T10:00:00.000Z'; // today is 2026-03-02

const t = setupApp({ now: NOW });
const world = setupPlanWorld(t);

const base = (planId = world.planId) => `/api/v1/plans/${planId}/milestones`;
const make = (overrides: Partial<CreateMilestone> = {}, planId = world.planId) =>
  createMilestone(t, world.lead.token, planId, overrides);
const read = async (id: string, planId = world.planId) => {
  const res = await t.as(world.admin.token).get(`${base(planId)}/${id}`);
  return { status: res.status, body: res.body };
};
const count = async (planId = world.planId) => (await t.as(world.admin.token).get(`${base(planId)}?limit=200`)).body.total as number;
const patch = (id: string, version: number | string, body: unknown, token = world.lead.token) =>
  t.as(token).patch(`${base()}/${id}`).set('If-Match', `"${version}"`).send(body as object);

async function newPlan(): Promise<string> {
  const res = await t.as(world.admin.token).post('/api/v1/plans').send(planInput({ name: 'Other plan' }));
  return res.body.id as string;
}

describe('POST /plans/:planId/milestones', () => {
  test('When a lead creates a milestone with only the required fields, then 201 with defaults and ETag "1"', async () => {
    const res = await t.as(world.lead.token).post(base()).send(milestoneInput());
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      planId: world.planId,
      title: 'Roll out internal chat',
      description: null,
      phase: 'internal_network',
      owner: null,
      dueDate: '2026-02-02',
      status: 'planned',
      weight: 1,
      dependsOn: [],
      completedAt: null,
      baselineDueDate: null,
      slipDays: null,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect((await read(res.body.id)).body).toEqual(res.body);
  });

  test('When every field is given, then each is stored as sent', async () => {
    const dep = await make({ title: 'Dependency' });
    const input = {
      description: 'Own the handle',
      phase: 'outward_presence',
      owner: 'Sam',
      dueDate: '2026-05-04',
      status: 'in_progress',
      weight: 10,
      dependsOn: [dep.id],
    } as const;
    const res = await t.as(world.admin.token).post(base()).send({ title: '  Launch brand account  ', ...input });
    expect(res.status).toBe(201);
    // Each as sent, the title trimmed.
    expect(res.body).toMatchObject({ title: 'Launch brand account', ...input, completedAt: null });
  });

  test('When it is created as done, then the server stamps completedAt', async () => {
    const res = await t.as(world.lead.token).post(base()).send(milestoneInput({ status: 'done' }));
    expect(res.status).toBe(201);
    expect(res.body.completedAt).toBe(NOW);
  });

  test('When it is created as done while a dependency is open, then 409 and nothing is created', async () => {
    const dep = await make({ title: 'Still open' });
    const before = await count();
    const res = await t.as(world.lead.token).post(base()).send(milestoneInput({ status: 'done', dependsOn: [dep.id] }));
    expectProblem(res, 409, 'unmet-dependency');
    expect(await count()).toBe(before);
  });

  test('When a dependency id is unknown, then 422 on dependsOn.i and nothing is created', async () => {
    const dep = await make();
    const before = await count();
    const res = await t.as(world.lead.token).post(base()).send(milestoneInput({ dependsOn: [dep.id, GHOST] }));
    expectFieldError(res, 'dependsOn.1', { only: true });
    expect(await count()).toBe(before);
  });

  test("When a dependency belongs to another plan, then 422 and nothing is created in either plan", async () => {
    const other = await newPlan();
    const foreign = await createMilestone(t, world.admin.token, other);
    const before = [await count(), await count(other)];
    const res = await t.as(world.admin.token).post(base()).send(milestoneInput({ dependsOn: [foreign.id] }));
    expectFieldError(res, 'dependsOn.0', { only: true });
    expect([await count(), await count(other)]).toEqual(before);
  });

  test.each([
    ['title', 'blank', { title: '   ' }],
    ['title', 'over 200 characters', { title: 't'.repeat(201) }],
    ['phase', 'not a phase', { phase: 'launch' }],
    ['dueDate', 'not a date', { dueDate: 'tomorrow' }],
    ['dueDate', 'not a real day', { dueDate: '2026-02-29' }],
    ['status', 'not a status', { status: 'cancelled' }],
    ['weight', '0', { weight: 0 }],
    ['weight', '11', { weight: 11 }],
    ['weight', 'fractional', { weight: 2.5 }],
    ['dependsOn.0', 'not a UUID', { dependsOn: ['abc'] }],
    ['dependsOn', 'repeating an id', { dependsOn: [GHOST, GHOST] }],
    ['description', 'over 5000 characters', { description: 'd'.repeat(5001) }],
  ])('When %s is %s, then 422 names it and nothing is created', async (path, _why, override) => {
    const before = await count();
    const res = await t.as(world.lead.token).post(base()).send({ ...milestoneInput(), ...override });
    expectFieldError(res, path);
    expect(await count()).toBe(before);
  });

  test.each([['id'], ['planId'], ['version'], ['completedAt'], ['createdAt'], ['updatedAt']])(
    'When the client sends %s, then 422 as an unknown field and nothing is created',
    async (field) => {
      const before = await count();
      const value = field === 'version' ? 3 : field.endsWith('At') ? NOW : GHOST;
      const res = await t.as(world.lead.token).post(base()).send({ ...milestoneInput(), [field]: value });
      expectFieldError(res, field, { message: `unknown field: ${field}`, only: true });
      expect(await count()).toBe(before);
    },
  );

  test('When an executive, agency member, outsider or nobody creates one, then 403/403/404/401 and nothing is created', async () => {
    const before = await count();
    const post = (token?: string) => t.as(token).post(base()).send(milestoneInput({ title: 'Denied' }));
    expectProblem(await post(world.executive.token), 403, 'forbidden');
    expectProblem(await post(world.agency.token), 403, 'forbidden');
    expectProblem(await post(world.outsider.token), 404, 'not-found');
    expectProblem(await post(), 401, 'unauthorized');
    expect(await count()).toBe(before);
  });

  test('When the plan does not exist, then 404', async () => {
    expectProblem(await t.as(world.admin.token).post(base(GHOST)).send(milestoneInput()), 404, 'not-found');
  });
});

describe('GET /plans/:planId/milestones', () => {
  let planId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    planId = await newPlan();
    const specs: [string, Partial<CreateMilestone>][] = [
      ['pastPlanned', { phase: 'internal_network', dueDate: '2026-02-01', status: 'planned' }],
      ['pastDone', { phase: 'internal_network', dueDate: '2026-02-15', status: 'done' }],
      ['pastBlocked', { phase: 'outward_presence', dueDate: '2026-03-01', status: 'blocked' }],
      ['today', { phase: 'outward_presence', dueDate: '2026-03-02', status: 'in_progress' }],
      ['future', { phase: 'agency_exit', dueDate: '2026-06-01', status: 'planned' }],
    ];
    for (const [key, spec] of specs) ids[key] = (await createMilestone(t, world.admin.token, planId, { title: key, ...spec })).id;
  });
  const list = async (query = '', token = world.admin.token) => t.as(token).get(`${base(planId)}${query ? `?${query}` : ''}`);
  const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((m) => m.title);

  test('When listed without filters, then all come back by due date with the page envelope', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(titles(res)).toEqual(['pastPlanned', 'pastDone', 'pastBlocked', 'today', 'future']);
  });

  test.each([
    ['phase=internal_network', ['pastPlanned', 'pastDone']],
    ['phase=agency_exit', ['future']],
    ['status=planned', ['pastPlanned', 'future']],
    ['status=done', ['pastDone']],
    ['overdue=true', ['pastPlanned', 'pastBlocked']],
    ['overdue=false', ['pastDone', 'today', 'future']],
    ['phase=outward_presence&overdue=true', ['pastBlocked']],
    ['phase=internal_network&status=done', ['pastDone']],
    ['status=in_progress&phase=agency_exit', []],
  ])('When filtered by %s, then exactly the matching milestones come back', async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  test('When the clock moves to the next day, then a milestone due today becomes overdue', async () => {
    t.clock.set('2026-03-03T00:00:01.000Z');
    try {
      // Sessions from 14 hours ago have expired: sign in afresh at the new time.
      const fresh = await t.user({ isAdmin: true });
      expect(titles(await list('overdue=true', fresh.token))).toEqual(['pastPlanned', 'pastBlocked', 'today']);
    } finally {
      t.clock.set(NOW);
    }
  });

  test('When limit and offset are given, then they page through in order with the full total', async () => {
    const res = await list('limit=2&offset=2');
    expect(res.body).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(titles(res)).toEqual(['pastBlocked', 'today']);
    const beyond = await list('offset=10');
    expect(beyond.body).toMatchObject({ items: [], total: 5 });
  });

  test('When any member reads the list, then 200; an outsider 404; nobody 401', async () => {
    const w = await planWorld(t, world.admin);
    await createMilestone(t, world.admin.token, w.planId);
    for (const u of [w.lead, w.executive, w.agency]) {
      const res = await t.as(u.token).get(base(w.planId));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(1);
    }
    expectProblem(await t.as(w.outsider.token).get(base(w.planId)), 404, 'not-found');
    expectProblem(await t.as().get(base(w.planId)), 401, 'unauthorized');
  });

  test.each([
    ['phase=launch', 'phase'],
    ['status=archived', 'status'],
    ['overdue=yes', 'overdue'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['owner=Sam', ''],
    ['status=done&status=planned', 'status'],
  ])('When the query is %s, then 422', async (query, path) => {
    const res = await list(query);
    if (path) expectFieldError(res, path, { only: true });
    else expectProblem(res, 422, 'validation-failed');
  });

  test('When more than 200 exist and limit asks for more, then the page is capped at 200', async () => {
    const big = await newPlan();
    const total = 205;
    for (let i = 0; i < total; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, total - i) }, (_, j) => createMilestone(t, world.admin.token, big, { title: `M${i + j}` })),
      );
    }
    const res = await t.as(world.admin.token).get(`${base(big)}?limit=1000`);
    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(200);
    expect(res.body.items).toHaveLength(200);
    expect(res.body.total).toBe(total);
    const byDefault = await t.as(world.admin.token).get(base(big));
    expect(byDefault.body.items).toHaveLength(50);
    const last = await t.as(world.admin.token).get(`${base(big)}?limit=200&offset=200`);
    expect(last.body.items).toHaveLength(5);
  });
});

describe('GET /plans/:planId/milestones/:milestoneId', () => {
  test('When a member reads a milestone, then 200 with ETag of its version', async () => {
    const ms = await make();
    for (const u of [world.lead, world.executive, world.agency]) {
      const res = await t.as(u.token).get(`${base()}/${ms.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body.id).toBe(ms.id);
    }
  });

  test("When the id is unknown, malformed, or another plan's milestone, then 404", async () => {
    const other = await newPlan();
    const foreign = await createMilestone(t, world.admin.token, other);
    expectProblem(await t.as(world.admin.token).get(`${base()}/${GHOST}`), 404, 'not-found');
    expectProblem(await t.as(world.admin.token).get(`${base()}/not-a-uuid`), 404, 'not-found');
    expectProblem(await t.as(world.admin.token).get(`${base()}/${foreign.id}`), 404, 'not-found');
  });

  test('When an outsider or nobody reads it, then 404 or 401', async () => {
    const ms = await make();
    expectProblem(await t.as(world.outsider.token).get(`${base()}/${ms.id}`), 404, 'not-found');
    expectProblem(await t.as().get(`${base()}/${ms.id}`), 401, 'unauthorized');
  });
});

describe('PATCH /plans/:planId/milestones/:milestoneId', () => {
  test('When a lead edits with the current If-Match, then 200, version and ETag advance and the change reads back', async () => {
    const ms = await make({ description: 'old', owner: 'Kim' });
    t.clock.set('2026-03-02T10:20:00.000Z');
    try {
      const res = await patch(ms.id, 1, { title: 'New title', description: null, weight: 5, phase: 'agency_exit', dueDate: '2026-04-01' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        title: 'New title',
        description: null,
        owner: 'Kim',
        weight: 5,
        phase: 'agency_exit',
        dueDate: '2026-04-01',
        version: 2,
        createdAt: NOW,
        updatedAt: '2026-03-02T10:20:00.000Z',
      });
      const back = await read(ms.id);
      expect(back.body).toEqual(res.body);
    } finally {
      t.clock.set(NOW);
    }
  });

  test('When status becomes done, then the server stamps completedAt; leaving done clears it', async () => {
    const ms = await make();
    const done = await patch(ms.id, 1, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.completedAt).toBe(NOW);
    t.clock.set('2026-03-02T10:25:00.000Z');
    try {
      // Editing something else keeps the original stamp.
      const renamed = await patch(ms.id, 2, { title: 'Still done' });
      expect(renamed.body.completedAt).toBe(NOW);
      const again = await patch(ms.id, 3, { status: 'done' });
      expect(again.body.completedAt).toBe(NOW);
      const reopened = await patch(ms.id, 4, { status: 'in_progress' });
      expect(reopened.body.completedAt).toBeNull();
      const redone = await patch(ms.id, 5, { status: 'done' });
      expect(redone.body.completedAt).toBe('2026-03-02T10:25:00.000Z');
    } finally {
      t.clock.set(NOW);
    }
  });

  test('When the client sends completedAt or version, then 422 and nothing changes', async () => {
    const ms = await make();
    const before = await read(ms.id);
    for (const body of [{ completedAt: NOW }, { version: 9 }, { id: GHOST }, { planId: GHOST }]) {
      const res = await patch(ms.id, 1, body);
      expectFieldError(res, Object.keys(body)[0]!, { message: /unknown field/, only: true });
    }
    expect(await read(ms.id)).toEqual(before);
  });

  test('When status becomes done while a dependency is open, then 409 and nothing changes; once it is done, 200', async () => {
    const dep = await make({ title: 'First' });
    const ms = await make({ title: 'Second', dependsOn: [dep.id] });
    const before = await read(ms.id);
    const refused = await patch(ms.id, 1, { status: 'done', title: 'Renamed too' });
    expectProblem(refused, 409, 'unmet-dependency');
    expect(await read(ms.id)).toEqual(before);
    expect((await patch(dep.id, 1, { status: 'done' })).status).toBe(200);
    const ok = await patch(ms.id, 1, { status: 'done' });
    expect(ok.status).toBe(200);
    expect(ok.body.completedAt).toBe(NOW);
  });

  test('When a done milestone gains an open dependency, then 409 and nothing changes', async () => {
    const open = await make({ title: 'Open' });
    const ms = await make({ title: 'Done already', status: 'done' });
    const before = await read(ms.id);
    expectProblem(await patch(ms.id, 1, { dependsOn: [open.id] }), 409, 'unmet-dependency');
    expect(await read(ms.id)).toEqual(before);
  });

  test('When dependsOn is replaced or cleared, then the new set reads back', async () => {
    const a = await make({ title: 'A' });
    const b = await make({ title: 'B' });
    const ms = await make({ title: 'C', dependsOn: [a.id] });
    const replaced = await patch(ms.id, 1, { dependsOn: [b.id, a.id] });
    expect(replaced.status).toBe(200);
    expect([...replaced.body.dependsOn].sort()).toEqual([a.id, b.id].sort());
    expect((await read(ms.id)).body.dependsOn).toEqual(replaced.body.dependsOn);
    const cleared = await patch(ms.id, 2, { dependsOn: [] });
    expect(cleared.body.dependsOn).toEqual([]);
    expect((await read(ms.id)).body.dependsOn).toEqual([]);
  });

  test('When a dependency is unknown, from another plan, or the milestone itself, then 422 and nothing changes', async () => {
    const other = await newPlan();
    const foreign = await createMilestone(t, world.admin.token, other);
    const dep = await make({ title: 'Real dep' });
    const ms = await make({ dependsOn: [dep.id] });
    const before = await read(ms.id);
    for (const [dependsOn, path] of [
      [[GHOST], 'dependsOn.0'],
      [[dep.id, foreign.id], 'dependsOn.1'],
      [[ms.id], 'dependsOn.0'],
    ] as const) {
      const res = await patch(ms.id, 1, { dependsOn, title: 'Should not stick' });
      expectFieldError(res, path, { only: true });
    }
    expect(await read(ms.id)).toEqual(before);
  });

  test('When a new dependency would close a cycle, then 422 and nothing changes', async () => {
    const a = await make({ title: 'a' });
    const b = await make({ title: 'b', dependsOn: [a.id] });
    const c = await make({ title: 'c', dependsOn: [b.id] });
    const before = await read(a.id);
    const twoStep = await patch(a.id, 1, { dependsOn: [c.id] });
    expectFieldError(twoStep, 'dependsOn.0', { message: /cycle/, only: true });
    expectProblem(await patch(a.id, 1, { dependsOn: [b.id] }), 422, 'validation-failed');
    expect(await read(a.id)).toEqual(before);
    // A diamond is not a cycle.
    const d = await make({ title: 'd', dependsOn: [a.id] });
    expect((await patch(c.id, 1, { dependsOn: [b.id, d.id] })).status).toBe(200);
  });

  test('When two edits at once would each close half of a cycle, then one succeeds and the other gets 422', async () => {
    const a = await make({ title: 'left' });
    const b = await make({ title: 'right' });
    const [x, y] = await Promise.all([
      patch(a.id, 1, { dependsOn: [b.id] }),
      patch(b.id, 1, { dependsOn: [a.id] }, world.admin.token),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 422]);
    const deps = [(await read(a.id)).body.dependsOn, (await read(b.id)).body.dependsOn];
    expect(deps.filter((d) => d.length === 1)).toHaveLength(1);
  });

  test('When a dependency is deleted while another edit adds it, then no edge points at a missing milestone', async () => {
    const dep = await make({ title: 'short-lived' });
    const ms = await make({ title: 'wants it' });
    const [del, edit] = await Promise.all([
      t.as(world.admin.token).delete(`${base()}/${dep.id}`),
      patch(ms.id, 1, { dependsOn: [dep.id] }),
    ]);
    const after = (await read(ms.id)).body;
    if (edit.status === 200) {
      expectProblem(del, 409, 'has-dependents');
      expect(after.dependsOn).toEqual([dep.id]);
    } else {
      expect(del.status).toBe(204);
      expectProblem(edit, 422, 'validation-failed');
      expect(after.dependsOn).toEqual([]);
    }
  });

  test('When If-Match is missing, then 428 and nothing changes', async () => {
    const ms = await make();
    const before = await read(ms.id);
    const res = await t.as(world.lead.token).patch(`${base()}/${ms.id}`).send({ title: 'x' });
    expectProblem(res, 428, 'precondition-required');
    expect(await read(ms.id)).toEqual(before);
  });

  test('When If-Match is stale, then 412 with the current ETag and nothing changes', async () => {
    const ms = await make();
    await patch(ms.id, 1, { title: 'v2' });
    const before = await read(ms.id);
    const res = await patch(ms.id, 1, { title: 'lost update' });
    expectProblem(res, 412, 'precondition-failed');
    expect(res.headers.etag).toBe('"2"');
    expect(await read(ms.id)).toEqual(before);
  });

  test('When two edits race with the same If-Match, then exactly one gets 200 and the other 412', async () => {
    const ms = await make();
    const [a, b] = await Promise.all([
      patch(ms.id, 1, { title: 'Racer A', weight: 2 }),
      patch(ms.id, 1, { title: 'Racer B', weight: 3 }, world.admin.token),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? a : b;
    const after = await read(ms.id);
    expect(after.body).toMatchObject({ version: 2, title: winner.body.title, weight: winner.body.weight });
  });

  test('When many edits race with the same If-Match, then exactly one wins', async () => {
    const ms = await make();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => patch(ms.id, 1, { title: `Racer ${i}` }, i % 2 ? world.admin.token : world.lead.token)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(5);
    expect((await read(ms.id)).body.version).toBe(2);
  });

  test('When the body is invalid, then 422 names the field and nothing changes', async () => {
    const ms = await make();
    const before = await read(ms.id);
    for (const [body, path] of [
      [{ weight: 0 }, 'weight'],
      [{ status: 'finished' }, 'status'],
      [{ title: '' }, 'title'],
      [{ dueDate: '2026-13-01' }, 'dueDate'],
      [{ phase: null }, 'phase'],
    ] as const) {
      const res = await patch(ms.id, 1, body);
      expectFieldError(res, path, { only: true });
    }
    expect(await read(ms.id)).toEqual(before);
  });

  test("When the milestone is unknown or another plan's, then 404", async () => {
    const other = await newPlan();
    const foreign = await createMilestone(t, world.admin.token, other);
    expectProblem(await patch(GHOST, 1, { title: 'x' }, world.admin.token), 404, 'not-found');
    expectProblem(await patch(foreign.id, 1, { title: 'x' }, world.admin.token), 404, 'not-found');
    expect((await read(foreign.id, other)).body.title).toBe('Roll out internal chat');
  });

  test('When an executive, agency member, outsider or nobody edits, then 403/403/404/401 and nothing changes', async () => {
    const ms = await make();
    const before = await read(ms.id);
    expectProblem(await patch(ms.id, 1, { title: 'x' }, world.executive.token), 403, 'forbidden');
    expectProblem(await patch(ms.id, 1, { title: 'x' }, world.agency.token), 403, 'forbidden');
    expectProblem(await patch(ms.id, 1, { title: 'x' }, world.outsider.token), 404, 'not-found');
    expectProblem(await t.as().patch(`${base()}/${ms.id}`).set('If-Match', '"1"').send({ title: 'x' }), 401, 'unauthorized');
    expect(await read(ms.id)).toEqual(before);
  });
});

describe('DELETE /plans/:planId/milestones/:milestoneId', () => {
  test('When a lead deletes a milestone, then 204 and it is gone from get and list', async () => {
    const ms = await make({ title: 'To delete' });
    const res = await t.as(world.lead.token).delete(`${base()}/${ms.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectProblem(await t.as(world.admin.token).get(`${base()}/${ms.id}`), 404, 'not-found');
    const all = await t.as(world.admin.token).get(`${base()}?limit=200`);
    expect(all.body.items.map((m: { id: string }) => m.id)).not.toContain(ms.id);
    expectProblem(await t.as(world.lead.token).delete(`${base()}/${ms.id}`), 404, 'not-found');
  });

  test('When other milestones depend on it, then 409 and nothing is deleted', async () => {
    const dep = await make();
    await make({ dependsOn: [dep.id] });
    expectProblem(await t.as(world.lead.token).delete(`${base()}/${dep.id}`), 409, 'has-dependents');
    expect((await read(dep.id)).status).toBe(200);
  });

  test('When it depends on others, then deleting it leaves them alone', async () => {
    const dep = await make();
    const ms = await make({ dependsOn: [dep.id] });
    expect((await t.as(world.lead.token).delete(`${base()}/${ms.id}`)).status).toBe(204);
    expect((await read(dep.id)).status).toBe(200);
    expect((await t.as(world.lead.token).delete(`${base()}/${dep.id}`)).status).toBe(204);
  });

  test('When If-Match is sent, then a stale one gives 412 and a current one deletes', async () => {
    const ms = await make();
    await patch(ms.id, 1, { title: 'v2' });
    const stale = await t.as(world.lead.token).delete(`${base()}/${ms.id}`).set('If-Match', '"1"');
    expectProblem(stale, 412, 'precondition-failed');
    expect((await read(ms.id)).status).toBe(200);
    expect((await t.as(world.lead.token).delete(`${base()}/${ms.id}`).set('If-Match', '"2"')).status).toBe(204);
  });

  test("When the milestone is unknown, malformed or another plan's, then 404 and nothing is deleted", async () => {
    const other = await newPlan();
    const foreign = await createMilestone(t, world.admin.token, other);
    expectProblem(await t.as(world.admin.token).delete(`${base()}/${GHOST}`), 404, 'not-found');
    expectProblem(await t.as(world.admin.token).delete(`${base()}/bad-id`), 404, 'not-found');
    expectProblem(await t.as(world.admin.token).delete(`${base()}/${foreign.id}`), 404, 'not-found');
    expect((await read(foreign.id, other)).status).toBe(200);
  });

  test('When an executive, agency member, outsider or nobody deletes, then 403/403/404/401 and it remains', async () => {
    const ms = await make();
    const before = await read(ms.id);
    const del = (token?: string) => t.as(token).delete(`${base()}/${ms.id}`);
    expectProblem(await del(world.executive.token), 403, 'forbidden');
    expectProblem(await del(world.agency.token), 403, 'forbidden');
    expectProblem(await del(world.outsider.token), 404, 'not-found');
    expectProblem(await del(), 401, 'unauthorized');
    expect(await read(ms.id)).toEqual(before);
  });
});
