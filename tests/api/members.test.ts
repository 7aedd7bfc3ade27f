import { setupApp, type TestUser } from '../support/app';
import { GHOST, memberInput, planWorld, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectProblem } from '../support/problem';

const t = setupApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
});

const membersOf = async (planId: string) => (await t.as(admin.token).get(`/api/v1/plans/${planId}/members`)).body;

describe('GET /plans/:planId/members', () => {
  let world: PlanWorld;
  beforeAll(async () => {
    world = await planWorld(t, admin);
  });

  test('When a member lists members, then each comes with id, email, name and role, ordered by email', async () => {
    for (const u of [world.lead, world.executive, world.agency, world.admin]) {
      const res = await t.as(u.token).get(`/api/v1/plans/${world.planId}/members`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(3);
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          { userId: world.lead.id, email: world.lead.email, name: expect.any(String), role: 'lead', accessUntil: null, effectiveAccessUntil: null },
          { userId: world.executive.id, email: world.executive.email, name: expect.any(String), role: 'executive', accessUntil: null, effectiveAccessUntil: null },
          // An agency member without accessUntil of their own follows the plan's contract end.
          { userId: world.agency.id, email: world.agency.email, name: expect.any(String), role: 'agency', accessUntil: null, effectiveAccessUntil: '2099-09-30' },
        ]),
      );
      const emails = res.body.items.map((m: { email: string }) => m.email);
      expect(emails).toEqual([...emails].sort());
    }
  });

  test('When limit and offset are given, then members come as a page with the full total; limit is capped at 200', async () => {
    const all = await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/members`);
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const page = await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/members?limit=1&offset=1`);
    expect(page.body).toEqual({ items: [all.body.items[1]], total: 3, limit: 1, offset: 1 });
    expect((await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/members?limit=500`)).body.limit).toBe(200);
    expectProblem(await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/members?limit=0`), 422, 'validation-failed');
    expectProblem(await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/members?role=lead`), 422, 'validation-failed');
  });

  test('When a non-member or nobody asks, then 404 or 401', async () => {
    expectProblem(await t.as(world.outsider.token).get(`/api/v1/plans/${world.planId}/members`), 404, 'not-found');
    expectProblem(await t.as().get(`/api/v1/plans/${world.planId}/members`), 401, 'unauthorized');
  });
});

describe('PUT /plans/:planId/members/:userId', () => {
  test('When a lead adds a user, then 201 with the member, the user gains access and sees it in /me', async () => {
    const world = await planWorld(t, admin);
    const newcomer = await t.user();
    const res = await t.as(world.lead.token).put(`/api/v1/plans/${world.planId}/members/${newcomer.id}`).send(memberInput('agency'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ userId: newcomer.id, email: newcomer.email, name: expect.any(String), role: 'agency', accessUntil: null, effectiveAccessUntil: '2099-09-30' });
    expect((await t.as(newcomer.token).get(`/api/v1/plans/${world.planId}`)).status).toBe(200);
    const me = await t.as(newcomer.token).get('/api/v1/me');
    expect(me.body.memberships).toEqual([{ planId: world.planId, planName: expect.any(String), role: 'agency', effectiveAccessUntil: '2099-09-30' }]);
  });

  test('When the role changes, then 200 and the new role takes effect; the same role again changes nothing', async () => {
    const world = await planWorld(t, admin);
    const url = `/api/v1/plans/${world.planId}/members/${world.executive.id}`;
    // As executive, they may not edit the plan.
    const denied = await t.as(world.executive.token).patch(`/api/v1/plans/${world.planId}`).set('If-Match', '"1"').send({ name: 'x' });
    expectProblem(denied, 403);
    const promoted = await t.as(admin.token).put(url).send(memberInput('lead'));
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('lead');
    const allowed = await t.as(world.executive.token).patch(`/api/v1/plans/${world.planId}`).set('If-Match', '"1"').send({ name: 'x' });
    expect(allowed.status).toBe(200);
    const before = await activityOf(t, admin.token, world.planId);
    const again = await t.as(admin.token).put(url).send(memberInput('lead'));
    expect(again.status).toBe(200);
    expect((await activityOf(t, admin.token, world.planId)).total).toBe(before.total);
  });

  test('When the user does not exist or the id is not a UUID, then 404 and no member is added', async () => {
    const world = await planWorld(t, admin);
    const before = await membersOf(world.planId);
    expectProblem(await t.as(admin.token).put(`/api/v1/plans/${world.planId}/members/${GHOST}`).send(memberInput('lead')), 404, 'not-found');
    expectProblem(await t.as(admin.token).put(`/api/v1/plans/${world.planId}/members/nope`).send(memberInput('lead')), 404, 'not-found');
    expect(await membersOf(world.planId)).toEqual(before);
  });

  test.each([
    ['not a role', { role: 'owner' }],
    ['missing', {}],
    ['admin (not a plan role)', { role: 'admin' }],
    ['sent with an unknown field', { role: 'lead', since: '2026-01-01' }],
  ])('When the role is %s, then 422 and membership is unchanged', async (_why, body) => {
    const world = await planWorld(t, admin);
    const before = await membersOf(world.planId);
    const res = await t.as(admin.token).put(`/api/v1/plans/${world.planId}/members/${world.outsider.id}`).send(body);
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(await membersOf(world.planId)).toEqual(before);
  });

  test('When an executive or agency member adds someone, then 403 and nobody is added; an outsider gets 404', async () => {
    const world = await planWorld(t, admin);
    const before = await membersOf(world.planId);
    const target = await t.user();
    const put = (token?: string) => t.as(token).put(`/api/v1/plans/${world.planId}/members/${target.id}`).send(memberInput('lead'));
    expectProblem(await put(world.executive.token), 403, 'forbidden');
    expectProblem(await put(world.agency.token), 403, 'forbidden');
    expectProblem(await put(world.outsider.token), 404, 'not-found');
    expectProblem(await put(), 401, 'unauthorized');
    // Nor may an agency member promote themselves.
    expectProblem(
      await t.as(world.agency.token).put(`/api/v1/plans/${world.planId}/members/${world.agency.id}`).send(memberInput('lead')),
      403,
      'forbidden',
    );
    expect(await membersOf(world.planId)).toEqual(before);
  });

  test('When two leads add the same user at once, then one gets 201, the other 200, and one membership exists', async () => {
    const world = await planWorld(t, admin);
    const newcomer = await t.user();
    const url = `/api/v1/plans/${world.planId}/members/${newcomer.id}`;
    const [a, b] = await Promise.all([
      t.as(world.lead.token).put(url).send(memberInput('executive')),
      t.as(admin.token).put(url).send(memberInput('executive')),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const members = (await membersOf(world.planId)).items.filter((m: { userId: string }) => m.userId === newcomer.id);
    expect(members).toHaveLength(1);
    const log = await activityOf(t, admin.token, world.planId, `entity=member&entityId=${newcomer.id}`);
    expect(log.total).toBe(1);
  });

  test('When the plan does not exist, then 404', async () => {
    const u = await t.user();
    expectProblem(await t.as(admin.token).put(`/api/v1/plans/${GHOST}/members/${u.id}`).send(memberInput('lead')), 404, 'not-found');
  });
});

describe('the last lead', () => {
  test('When the only lead would be demoted or removed, then 409 last-lead and they stay lead; with a second lead both work', async () => {
    const world = await planWorld(t, admin);
    const url = (userId: string) => `/api/v1/plans/${world.planId}/members/${userId}`;
    const before = await activityOf(t, admin.token, world.planId);
    expectProblem(await t.as(admin.token).put(url(world.lead.id)).send(memberInput('executive')), 409, 'last-lead');
    expectProblem(await t.as(world.lead.token).delete(url(world.lead.id)), 409, 'last-lead');
    expect((await membersOf(world.planId)).items.find((m: { userId: string }) => m.userId === world.lead.id)?.role).toBe('lead');
    expect((await activityOf(t, admin.token, world.planId)).total).toBe(before.total);
    // Another lead first; then the first may step down, and the second is now the one protected.
    expect((await t.as(world.lead.token).put(url(world.executive.id)).send(memberInput('lead'))).status).toBe(200);
    expect((await t.as(admin.token).put(url(world.lead.id)).send(memberInput('agency'))).status).toBe(200);
    expectProblem(await t.as(admin.token).delete(url(world.executive.id)), 409, 'last-lead');
  });
});

describe('DELETE /plans/:planId/members/:userId', () => {
  test('When a lead removes a member, then 204 and the former member gets 404 on the plan', async () => {
    const world = await planWorld(t, admin);
    // Read first, so the membership has been looked up (and may be remembered) before it goes.
    await t.as(world.agency.token).get(`/api/v1/plans/${world.planId}`).expect(200);
    const res = await t.as(world.lead.token).delete(`/api/v1/plans/${world.planId}/members/${world.agency.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await membersOf(world.planId)).items.map((m: { userId: string }) => m.userId)).not.toContain(world.agency.id);
    expectProblem(await t.as(world.agency.token).get(`/api/v1/plans/${world.planId}`), 404, 'not-found');
    expect((await t.as(world.agency.token).get('/api/v1/me')).body.memberships).toEqual([]);
  });

  test('When two leads remove the same member at once, then one gets 204, the other 404, and one entry is logged', async () => {
    const world = await planWorld(t, admin);
    const url = `/api/v1/plans/${world.planId}/members/${world.executive.id}`;
    const [a, b] = await Promise.all([t.as(world.lead.token).delete(url), t.as(admin.token).delete(url)]);
    expect([a.status, b.status].sort()).toEqual([204, 404]);
    const log = await activityOf(t, admin.token, world.planId, `entity=member&action=delete`);
    expect(log.total).toBe(1);
  });

  test('When the user is not a member, does not exist or the id is malformed, then 404', async () => {
    const world = await planWorld(t, admin);
    const before = await membersOf(world.planId);
    expectProblem(await t.as(admin.token).delete(`/api/v1/plans/${world.planId}/members/${world.outsider.id}`), 404, 'not-found');
    expectProblem(await t.as(admin.token).delete(`/api/v1/plans/${world.planId}/members/${GHOST}`), 404, 'not-found');
    expectProblem(await t.as(admin.token).delete(`/api/v1/plans/${world.planId}/members/xyz`), 404, 'not-found');
    expect(await membersOf(world.planId)).toEqual(before);
  });

  test('When an executive, agency member, outsider or nobody removes a member, then 403/403/404/401 and nobody is removed', async () => {
    const world = await planWorld(t, admin);
    const before = await membersOf(world.planId);
    const del = (token?: string) => t.as(token).delete(`/api/v1/plans/${world.planId}/members/${world.lead.id}`);
    expectProblem(await del(world.executive.token), 403, 'forbidden');
    expectProblem(await del(world.agency.token), 403, 'forbidden');
    expectProblem(await del(world.outsider.token), 404, 'not-found');
    expectProblem(await del(), 401, 'unauthorized');
    expect(await membersOf(world.planId)).toEqual(before);
  });
});
