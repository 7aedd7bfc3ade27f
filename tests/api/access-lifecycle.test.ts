import request from 'supertest';
import { setupApp } from '../support/app';
import { createMilestone, createToken, GHOST, planWorld } from '../support/fixtures';
import { activityOf, sessionCookie } from '../support/http';
import { expectProblem } from '../support/problem';

// docs/domain.md#access-lifecycle: deactivating and reactivating users.
const t = setupApp();

const deactivate = (token: string | undefined, userId: string) => t.as(token).post(`/api/v1/users/${userId}/deactivate`);
const reactivate = (token: string | undefined, userId: string) => t.as(token).post(`/api/v1/users/${userId}/reactivate`);
const signIn = (email: string, password: string) => request(t.app).post('/api/v1/auth/login').send({ email, password });

/** The user as the admin list shows it. */
async function userAsListed(adminToken: string, email: string) {
  const res = await t.as(adminToken).get(`/api/v1/users?email=${encodeURIComponent(email)}`);
  expect(res.status).toBe(200);
  return res.body.items[0];
}

/** Entries about a user outside any plan (user administration), oldest first. */
async function userLog(userId: string): Promise<Array<{ action: string; changes: Record<string, unknown> }>> {
  const rows = await t.db.read((m) => m.query(`SELECT action, changes FROM activity WHERE entity = 'user' AND entity_id = '${userId}' ORDER BY at`));
  return (rows as Array<{ action: string; changes: string }>).map((r) => ({ action: r.action, changes: JSON.parse(r.changes) }));
}

describe('POST /users/:userId/deactivate', () => {
  test('When an admin deactivates a user, then 200 with active false, and every session, cookie and API token of theirs stops at once', async () => {
    const admin = await t.user({ isAdmin: true });
    const u = await t.user();
    const cookieLogin = await signIn(u.email, u.password);
    const cookie = sessionCookie(cookieLogin)!;
    const apiToken = (await createToken(t, u.token, { name: 'nightly' })).token;
    // Used first, so any remembered session is in play when it is revoked.
    expect((await t.as(u.token).get('/api/v1/me')).status).toBe(200);
    expect((await request(t.app).get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
    expect((await t.as(apiToken).get('/api/v1/me')).status).toBe(200);

    const res = await deactivate(admin.token, u.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: u.id, email: u.email, name: expect.any(String), isAdmin: false, active: false, createdAt: expect.any(String) });

    expectProblem(await t.as(u.token).get('/api/v1/me'), 401, 'unauthorized');
    expectProblem(await request(t.app).get('/api/v1/me').set('Cookie', cookie), 401, 'unauthorized');
    expectProblem(await t.as(apiToken).get('/api/v1/me'), 401, 'unauthorized');
    expect((await userAsListed(admin.token, u.email)).active).toBe(false);
    const rows = await t.db.read((m) => m.query(`SELECT revoked_at FROM sessions WHERE user_id = '${u.id}' UNION ALL SELECT revoked_at FROM api_tokens WHERE user_id = '${u.id}'`));
    expect(rows).toHaveLength(3);
    expect((rows as Array<{ revoked_at: string | null }>).every((r) => r.revoked_at !== null)).toBe(true);
    expect(await userLog(u.id)).toEqual([
      { action: 'deactivate', changes: { active: { from: true, to: false }, sessionsRevoked: 2, tokensRevoked: 1 } },
    ]);
  });

  test('When a deactivated user signs in with the right password, then 401 exactly as for a wrong password', async () => {
    const admin = await t.user({ isAdmin: true });
    const u = await t.user();
    await deactivate(admin.token, u.id).expect(200);
    const right = await signIn(u.email, u.password);
    const wrong = await signIn(u.email, 'not-the-password');
    expectProblem(right, 401, 'invalid-credentials');
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(right.body)).toEqual(strip(wrong.body));
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  test('When a user is deactivated, then their history stays: their plan entries and membership are kept', async () => {
    const world = await planWorld(t);
    const milestone = await createMilestone(t, world.lead.token, world.planId, { title: 'Written before leaving' });
    await deactivate(world.admin.token, world.lead.id).expect(200);
    const log = await activityOf(t, world.admin.token, world.planId, `entity=milestone&entityId=${milestone.id}`);
    expect(log.items.map((e) => [e.action, e.actor.id])).toEqual([['create', world.lead.id]]);
    const members = await t.as(world.admin.token).get(`/api/v1/plans/${world.planId}/members`);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toContain(world.lead.id);
    expect((await t.as(world.admin.token).get(`/api/v1/plans/${world.planId}/milestones/${milestone.id}`)).body.title).toBe('Written before leaving');
  });

  test('When an admin deactivates themselves, then 409 self-deactivation and they stay active and signed in', async () => {
    const admin = await t.user({ isAdmin: true });
    expectProblem(await deactivate(admin.token, admin.id), 409, 'self-deactivation');
    expect((await t.as(admin.token).get('/api/v1/me')).body.user.active).toBe(true);
    expect(await userLog(admin.id)).toEqual([]);
  });

  test('When a lead, executive, agency member or outsider deactivates, then 403; anonymous 401; and the user stays active', async () => {
    const world = await planWorld(t);
    for (const caller of [world.lead, world.executive, world.agency, world.outsider]) {
      expectProblem(await deactivate(caller.token, world.executive.id), 403, 'forbidden');
    }
    expectProblem(await deactivate(undefined, world.executive.id), 401, 'unauthorized');
    expect((await t.as(world.executive.token).get('/api/v1/me')).body.user.active).toBe(true);
    expect(await userLog(world.executive.id)).toEqual([]);
  });

  test('When the user does not exist or the id is malformed, then 404', async () => {
    const admin = await t.user({ isAdmin: true });
    expectProblem(await deactivate(admin.token, GHOST), 404, 'not-found');
    expectProblem(await deactivate(admin.token, 'nobody'), 404, 'not-found');
    expectProblem(await reactivate(admin.token, GHOST), 404, 'not-found');
  });

  test('When an inactive user is deactivated again, then 200 with the user and nothing more is logged', async () => {
    const admin = await t.user({ isAdmin: true });
    const u = await t.user();
    await deactivate(admin.token, u.id).expect(200);
    const again = await deactivate(admin.token, u.id);
    expect(again.status).toBe(200);
    expect(again.body.active).toBe(false);
    expect((await userLog(u.id)).map((e) => e.action)).toEqual(['deactivate']);
  });

  test('When an admin deactivates another admin, then that admin loses access too', async () => {
    const admin = await t.user({ isAdmin: true });
    const other = await t.user({ isAdmin: true });
    await deactivate(admin.token, other.id).expect(200);
    expectProblem(await t.as(other.token).get('/api/v1/users'), 401, 'unauthorized');
  });

  test('When a deactivated user is reactivated, then they may sign in again but the revoked session and token stay revoked', async () => {
    const admin = await t.user({ isAdmin: true });
    const u = await t.user();
    const apiToken = (await createToken(t, u.token)).token;
    await deactivate(admin.token, u.id).expect(200);
    const res = await reactivate(admin.token, u.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: u.id, active: true });
    expect((await userAsListed(admin.token, u.email)).active).toBe(true);
    expectProblem(await t.as(u.token).get('/api/v1/me'), 401, 'unauthorized');
    expectProblem(await t.as(apiToken).get('/api/v1/me'), 401, 'unauthorized');
    const fresh = await signIn(u.email, u.password);
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.active).toBe(true);
    expect((await t.as(fresh.body.token).get('/api/v1/me')).status).toBe(200);
    expect((await userLog(u.id)).map((e) => e.action)).toEqual(['deactivate', 'reactivate']);
    // Reactivating an active user is fine too, and logs nothing.
    expect((await reactivate(admin.token, u.id)).status).toBe(200);
    expect((await userLog(u.id)).map((e) => e.action)).toEqual(['deactivate', 'reactivate']);
  });

  test('When anyone but an admin reactivates, then 403 (anonymous 401) and the user stays inactive', async () => {
    const world = await planWorld(t);
    await deactivate(world.admin.token, world.agency.id).expect(200);
    expectProblem(await reactivate(world.lead.token, world.agency.id), 403, 'forbidden');
    expectProblem(await reactivate(undefined, world.agency.id), 401, 'unauthorized');
    expect((await userAsListed(world.admin.token, world.agency.email)).active).toBe(false);
  });

  test('When users are listed with ?active=false, then only the deactivated ones come', async () => {
    const admin = await t.user({ isAdmin: true });
    const u = await t.user();
    await deactivate(admin.token, u.id).expect(200);
    const inactive = await t.as(admin.token).get('/api/v1/users?active=false&limit=200');
    expect(inactive.status).toBe(200);
    expect(inactive.body.items.map((x: { id: string }) => x.id)).toContain(u.id);
    expect(inactive.body.items.every((x: { active: boolean }) => !x.active)).toBe(true);
    const active = await t.as(admin.token).get('/api/v1/users?active=true&limit=200');
    expect(active.body.items.map((x: { id: string }) => x.id)).not.toContain(u.id);
    expect(active.body.items.map((x: { id: string }) => x.id)).toContain(admin.id);
    expectProblem(await t.as(admin.token).get('/api/v1/users?active=no'), 422, 'validation-failed');
  });
});
