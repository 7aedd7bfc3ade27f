import { setupApp, type TestUser } from '../support/app';
import { createMilestone, memberInput, milestoneInput, planInput, planWorld, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectProblem } from '../support/problem';

const t = setupApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
});

const url = (planId: string, query = '') => `/api/v1/plans/${planId}/activity${query ? `?${query}` : ''}`;
const summary = (items: { action: string; entity: string }[]) => items.map((i) => `${i.action} ${i.entity}`);

describe('what is recorded', () => {
  test('When someone acts, then the entry names them by their display name as well as their email', async () => {
    const w = await planWorld(t, admin);
    const dana = await t.user({ name: 'Dana Reyes' });
    await t.as(admin.token).put(`/api/v1/plans/${w.planId}/members/${dana.id}`).send(memberInput('lead')).expect(201);
    await createMilestone(t, dana.token, w.planId, { title: 'Named' });
    const [latest] = (await activityOf(t, admin.token, w.planId)).items;
    expect(latest).toMatchObject({ action: 'create', entity: 'milestone', actor: { id: dana.id, email: dana.email, name: 'Dana Reyes' } });
  });

  test('When a plan is created with a lead, then one create entry by the admin holds the plan and its leads', async () => {
    const lead = await t.user();
    const created = await t.as(admin.token).post('/api/v1/plans').send({ ...planInput({ name: 'Logged' }), leads: [lead.id] });
    const log = await activityOf(t, admin.token, created.body.id);
    expect(log.items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        actor: { id: admin.id, email: admin.email, name: expect.any(String) },
        action: 'create',
        entity: 'plan',
        entityId: created.body.id,
        changes: expect.objectContaining({ name: 'Logged', brand: 'Acme', leads: [lead.id] }),
      },
    ]);
  });

  test('When the plan is edited, then an update entry lists each changed field with from and to', async () => {
    const w = await planWorld(t, admin);
    await t.as(w.lead.token).patch(`/api/v1/plans/${w.planId}`).set('If-Match', '"1"').send({ name: 'New name', targets: { sustainWeeks: 8 } });
    const [latest] = (await activityOf(t, admin.token, w.planId)).items;
    expect(latest).toMatchObject({
      actor: { id: w.lead.id, email: w.lead.email },
      action: 'update',
      entity: 'plan',
      entityId: w.planId,
      changes: {
        name: { from: 'Voice back home', to: 'New name' },
        targets: { from: { inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 }, to: { inHouseShare: 0.9, sustainWeeks: 8, internalAdoption: 0.6 } },
      },
    });
    expect(Object.keys(latest!.changes).sort()).toEqual(['name', 'targets']);
  });

  test('When members are added, changed and removed, then each write has its entry, newest first', async () => {
    const w = await planWorld(t, admin);
    const u = await t.user();
    const member = `/api/v1/plans/${w.planId}/members/${u.id}`;
    await t.as(w.lead.token).put(member).send(memberInput('agency'));
    await t.as(w.lead.token).put(member).send(memberInput('executive'));
    await t.as(w.lead.token).delete(member);
    const log = await activityOf(t, admin.token, w.planId, `entityId=${u.id}`);
    expect(log.items.map((i) => [i.action, i.entity, i.changes])).toEqual([
      ['delete', 'member', { role: 'executive' }],
      ['update', 'member', { role: { from: 'agency', to: 'executive' } }],
      ['create', 'member', { email: u.email, role: 'agency', accessUntil: null }],
    ]);
    expect(log.items.every((i) => i.actor.id === w.lead.id)).toBe(true);
  });

  test('When a milestone is created, edited and deleted, then each step is logged with its changes', async () => {
    const w = await planWorld(t, admin);
    const ms = await createMilestone(t, w.lead.token, w.planId, { title: 'Train staff', weight: 3 });
    await t.as(w.lead.token)
      .patch(`/api/v1/plans/${w.planId}/milestones/${ms.id}`)
      .set('If-Match', '"1"')
      .send({ status: 'done', weight: 4 });
    await t.as(admin.token).delete(`/api/v1/plans/${w.planId}/milestones/${ms.id}`);
    const log = await activityOf(t, admin.token, w.planId, 'entity=milestone');
    expect(log.items).toHaveLength(3);
    const [del, update, create] = log.items;
    expect(create).toMatchObject({
      action: 'create',
      entityId: ms.id,
      actor: { id: w.lead.id },
      changes: { title: 'Train staff', weight: 3, phase: 'internal_network', status: 'planned', dependsOn: [] },
    });
    expect(update).toMatchObject({
      action: 'update',
      entityId: ms.id,
      changes: {
        status: { from: 'planned', to: 'done' },
        weight: { from: 3, to: 4 },
        completedAt: { from: null, to: expect.any(String) },
      },
    });
    expect(Object.keys(update!.changes).sort()).toEqual(['completedAt', 'status', 'weight']);
    expect(del).toMatchObject({ action: 'delete', entityId: ms.id, actor: { id: admin.id }, changes: { title: 'Train staff' } });
  });

  test('When writes happen in sequence, then the log lists them newest first with non-increasing times', async () => {
    const w = await planWorld(t, admin);
    for (let i = 1; i <= 5; i += 1) await createMilestone(t, w.lead.token, w.planId, { title: `Step ${i}` });
    const log = await activityOf(t, admin.token, w.planId, 'entity=milestone');
    expect(log.items.map((i) => i.changes.title)).toEqual(['Step 5', 'Step 4', 'Step 3', 'Step 2', 'Step 1']);
    const times = log.items.map((i) => i.at);
    expect(times).toEqual([...times].sort().reverse());
    // The whole log ends with the plan's creation.
    const all = await activityOf(t, admin.token, w.planId);
    expect(summary(all.items.slice(-1))).toEqual(['create plan']);
  });

  test('When the clock stands still, then entries written in the same instant still come out newest first', async () => {
    t.clock.set(new Date().toISOString());
    try {
      const w = await planWorld(t, admin);
      for (let i = 1; i <= 3; i += 1) await createMilestone(t, w.lead.token, w.planId, { title: `Same ${i}` });
      const log = await activityOf(t, admin.token, w.planId, 'entity=milestone');
      expect(log.items.map((i) => i.changes.title)).toEqual(['Same 3', 'Same 2', 'Same 1']);
    } finally {
      t.clock.reset();
    }
  });

  test("When two plans are written to, then each log holds only its own plan's entries", async () => {
    const a = await planWorld(t, admin);
    const b = await planWorld(t, admin);
    const msA = await createMilestone(t, a.lead.token, a.planId);
    const logB = await activityOf(t, admin.token, b.planId);
    expect(logB.items.map((i) => i.entityId)).not.toContain(msA.id);
    expect(logB.items.map((i) => i.entityId)).not.toContain(a.planId);
  });
});

describe('refused writes leave no trace', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld(t, admin);
  });

  test('When writes are refused for role, validation, precondition or dependency reasons, then the log is unchanged', async () => {
    const dep = await createMilestone(t, w.lead.token, w.planId, { title: 'Open dep' });
    const ms = await createMilestone(t, w.lead.token, w.planId, { title: 'Blocked', dependsOn: [dep.id] });
    const before = await activityOf(t, admin.token, w.planId);
    const msUrl = `/api/v1/plans/${w.planId}/milestones/${ms.id}`;
    const refusals = [
      [403, await t.as(w.executive.token).post(`/api/v1/plans/${w.planId}/milestones`).send(milestoneInput())],
      [403, await t.as(w.agency.token).patch(`/api/v1/plans/${w.planId}`).set('If-Match', '"1"').send({ name: 'x' })],
      [404, await t.as(w.outsider.token).delete(msUrl)],
      [422, await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/milestones`).send({ title: '' })],
      [428, await t.as(w.lead.token).patch(msUrl).send({ title: 'x' })],
      [412, await t.as(w.lead.token).patch(msUrl).set('If-Match', '"9"').send({ title: 'x' })],
      [409, await t.as(w.lead.token).patch(msUrl).set('If-Match', '"1"').send({ status: 'done' })],
      [409, await t.as(w.lead.token).delete(`/api/v1/plans/${w.planId}/milestones/${dep.id}`)],
      [422, await t.as(w.lead.token).patch(msUrl).set('If-Match', '"1"').send({ dependsOn: [ms.id] })],
    ] as const;
    for (const [status, res] of refusals) expectProblem(res, status);
    expect(await activityOf(t, admin.token, w.planId)).toEqual(before);
  });

  test('When writing the log entry fails, then the change it describes is rolled back too', async () => {
    const before = (await t.as(admin.token).get(`/api/v1/plans/${w.planId}/milestones`)).body.total;
    const spy = jest.spyOn(t.services.activity, 'record').mockRejectedValueOnce(new Error('log unavailable'));
    try {
      const res = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/milestones`).send(milestoneInput({ title: 'Orphan' }));
      expectProblem(res, 500, 'internal');
    } finally {
      spy.mockRestore();
    }
    expect((await t.as(admin.token).get(`/api/v1/plans/${w.planId}/milestones`)).body.total).toBe(before);
  });

  test('When a member is set to the role they already have, then nothing is written and nothing logged', async () => {
    const before = await activityOf(t, admin.token, w.planId);
    const res = await t.as(w.lead.token).put(`/api/v1/plans/${w.planId}/members/${w.agency.id}`).send(memberInput('agency'));
    expect(res.status).toBe(200);
    expect(await activityOf(t, admin.token, w.planId)).toEqual(before);
  });
});

describe('GET /plans/:planId/activity', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld(t, admin);
    const ms = await createMilestone(t, w.lead.token, w.planId, { title: 'Filtered' });
    await t.as(admin.token).patch(`/api/v1/plans/${w.planId}/milestones/${ms.id}`).set('If-Match', '"1"').send({ weight: 2 });
    await createMilestone(t, admin.token, w.planId, { title: 'By admin' });
  });

  test('When leads, executives and admins read the log, then 200 with the page envelope', async () => {
    for (const u of [w.lead, w.executive, admin]) {
      const res = await t.as(u.token).get(url(w.planId));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: expect.any(Array), total: res.body.items.length, limit: 50, offset: 0 });
    }
  });

  test('When agency staff read the log, then 403; an outsider 404; nobody 401', async () => {
    expectProblem(await t.as(w.agency.token).get(url(w.planId)), 403, 'forbidden');
    expectProblem(await t.as(w.outsider.token).get(url(w.planId)), 404, 'not-found');
    expectProblem(await t.as().get(url(w.planId)), 401, 'unauthorized');
  });

  test('When filtered by entity, action, entityId or actorId, then only matching entries come back', async () => {
    const all = await activityOf(t, admin.token, w.planId);
    const msEntries = all.items.filter((i) => i.entity === 'milestone');
    const byEntity = await t.as(w.lead.token).get(url(w.planId, 'entity=milestone'));
    expect(byEntity.body.items).toEqual(msEntries);
    const byAction = await t.as(w.lead.token).get(url(w.planId, 'action=update'));
    expect(summary(byAction.body.items)).toEqual(['update milestone']);
    const target = byAction.body.items[0].entityId;
    const byId = await t.as(w.lead.token).get(url(w.planId, `entityId=${target}`));
    expect(summary(byId.body.items)).toEqual(['update milestone', 'create milestone']);
    const byActor = await t.as(w.lead.token).get(url(w.planId, `actorId=${w.lead.id}`));
    expect(byActor.body.items.map((i: { changes: { title?: string } }) => i.changes.title)).toEqual(['Filtered']);
    const combined = await t.as(w.lead.token).get(url(w.planId, `entity=milestone&action=create&actorId=${admin.id}`));
    expect(combined.body.items.map((i: { changes: { title?: string } }) => i.changes.title)).toEqual(['By admin']);
    expect(combined.body.total).toBe(1);
  });

  test('When limit and offset are given, then they page through newest first; limit above 200 is capped', async () => {
    const all = await activityOf(t, admin.token, w.planId);
    const page = await t.as(w.lead.token).get(url(w.planId, 'limit=2&offset=1'));
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: all.total });
    expect(page.body.items).toEqual(all.items.slice(1, 3));
    expect((await t.as(w.lead.token).get(url(w.planId, 'limit=5000'))).body.limit).toBe(200);
  });

  test.each([['actorId=not-a-uuid'], ['limit=-1'], ['user=me'], ['entity=' + 'e'.repeat(51)]])(
    'When the query is %s, then 422',
    async (query) => {
      expectProblem(await t.as(w.lead.token).get(url(w.planId, query)), 422, 'validation-failed');
    },
  );
});
