import { setupApp, type TestUser } from '../support/app';
import { createPlan, createToken, csvOf, GHOST, importPosts, planWorld, postInput } from '../support/fixtures';
import { login } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

// docs/domain.md#access-lifecycle: API tokens expire, may be limited to recording posts in one
// plan, and all end with a password change.
const NOW = '2026-06-01T09:00:00.000Z';
const t = setupApp({ now: NOW });
const DAY = 86_400_000;

const tokens = async (token: string) => (await t.as(token).get('/api/v1/me/tokens')).body.items as Array<Record<string, unknown>>;
const post = (token: string, planId: string, overrides = {}) => t.as(token).post(`/api/v1/plans/${planId}/posts`).send(postInput(overrides));

beforeEach(() => t.clock.set(NOW));

describe('POST /me/tokens: expiry', () => {
  test('When no expiresInDays is given, then the token expires 90 days on, and the list shows it unscoped', async () => {
    const u = await t.user();
    const res = await t.as(u.token).post('/api/v1/me/tokens').send({ name: 'nightly' });
    expect(res.status).toBe(201);
    const expiresAt = new Date(Date.parse(NOW) + 90 * DAY).toISOString();
    expect(res.body).toEqual({ id: expect.any(String), name: 'nightly', expiresAt, planId: null, scopes: [], token: expect.stringMatching(/^hot_/) });
    expect(await tokens(u.token)).toEqual([{ id: res.body.id, name: 'nightly', expiresAt, planId: null, scopes: [], createdAt: NOW, lastUsedAt: null }]);
  });

  test('When a token reaches its expiresAt, then it answers 401 and leaves the list; a millisecond before it still works', async () => {
    const u = await t.user();
    const created = await createToken(t, u.token, { name: 'short', expiresInDays: 1 });
    expect(created.expiresAt).toBe('2026-06-02T09:00:00.000Z');
    t.clock.set('2026-06-02T08:59:59.999Z');
    expect((await t.as(created.token).get('/api/v1/me')).status).toBe(200);
    t.clock.set('2026-06-02T09:00:00.000Z');
    expectProblem(await t.as(created.token).get('/api/v1/me'), 401, 'unauthorized');
    const fresh = await login(t, u.email, u.password);
    expect(await tokens(fresh.token)).toEqual([]);
  });

  test('When expiresInDays is 365, then it is taken; 0, 366, 1.5, "30" or null are 422 naming it and nothing is created', async () => {
    const u = await t.user();
    expect((await createToken(t, u.token, { expiresInDays: 365 })).expiresAt).toBe(new Date(Date.parse(NOW) + 365 * DAY).toISOString());
    for (const bad of [0, 366, 1.5, '30', null, -1]) {
      expectFieldError(await t.as(u.token).post('/api/v1/me/tokens').send({ name: 'x', expiresInDays: bad }), 'expiresInDays');
    }
    expect(await tokens(u.token)).toHaveLength(1);
  });
});

describe('POST /me/tokens: scoped to posts in one plan', () => {
  test('When a lead makes a posts:write token, then it records and imports posts in that plan, and is 403 on everything else', async () => {
    const world = await planWorld(t);
    const other = await createPlan(t, world.admin.token, { name: 'Other' });
    await t.as(world.admin.token).put(`/api/v1/plans/${other.id}/members/${world.lead.id}`).send({ role: 'lead' }).expect(201);
    const res = await t.as(world.lead.token).post('/api/v1/me/tokens').send({ name: 'feed', planId: world.planId, scopes: ['posts:write'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ planId: world.planId, scopes: ['posts:write'] });
    const scoped = res.body.token as string;

    const recorded = await post(scoped, world.planId, { externalId: 'scoped-1' });
    expect(recorded.status).toBe(201);
    const imported = await importPosts(t, scoped, world.planId, csvOf([postInput({ externalId: 'scoped-2', source: 'agency' })]));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ inserted: 1 });
    const listed = await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/posts?limit=200`);
    expect(listed.body.items.map((p: { externalId: string }) => p.externalId).sort()).toEqual(['scoped-1', 'scoped-2']);

    const refused = [
      t.as(scoped).get(`/api/v1/plans/${world.planId}`),
      t.as(scoped).get(`/api/v1/plans/${world.planId}/posts`),
      t.as(scoped).delete(`/api/v1/plans/${world.planId}/posts/${recorded.body.id}`),
      t.as(scoped).post(`/api/v1/plans/${world.planId}/milestones`).send({ title: 'x', phase: 'internal_network', dueDate: '2026-07-01' }),
      t.as(scoped).get('/api/v1/plans'),
      t.as(scoped).get('/api/v1/me'),
      t.as(scoped).get('/api/v1/me/tokens'),
      t.as(scoped).post('/api/v1/me/tokens').send({ name: 'escalate' }),
      t.as(scoped).post('/api/v1/me/password').send({ currentPassword: world.lead.password, newPassword: 'another-long-secret' }),
      t.as(scoped).post('/api/v1/auth/logout'),
      post(scoped, other.id, { externalId: 'elsewhere' }),
      importPosts(t, scoped, other.id, csvOf([postInput({ externalId: 'elsewhere-2' })])),
    ];
    for (const r of await Promise.all(refused)) expectProblem(r, 403, 'forbidden');
    expect((await t.as(world.lead.token).get(`/api/v1/plans/${other.id}/posts`)).body.total).toBe(0);
    expect((await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/posts`)).body.total).toBe(2);
    // Still working after all that (logout was refused, so it did not end the token).
    expect((await post(scoped, world.planId, { externalId: 'scoped-3' })).status).toBe(201);
  });

  test('When an agency member\'s scoped token records posts, then only the agency source is allowed, as for its owner', async () => {
    const world = await planWorld(t);
    const scoped = (await createToken(t, world.agency.token, { planId: world.planId, scopes: ['posts:write'] })).token;
    expect((await post(scoped, world.planId, { source: 'agency', externalId: 'a-1' })).status).toBe(201);
    expectProblem(await post(scoped, world.planId, { source: 'in_house', externalId: 'a-2' }), 403, 'forbidden');
    expectProblem(await importPosts(t, scoped, world.planId, csvOf([postInput({ source: 'in_house', externalId: 'a-3' })])), 403, 'forbidden');
    expect((await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/posts`)).body.total).toBe(1);
  });

  test('When the owner leaves the plan, then the scoped token gets 404 there, like its owner', async () => {
    const world = await planWorld(t);
    const scoped = (await createToken(t, world.agency.token, { planId: world.planId, scopes: ['posts:write'] })).token;
    await t.as(world.lead.token).delete(`/api/v1/plans/${world.planId}/members/${world.agency.id}`).expect(204);
    expectProblem(await post(scoped, world.planId, { source: 'agency' }), 404, 'not-found');
  });

  test('When planId and scopes do not come together, name an unknown scope, or a plan the owner may not post in, then 422 and nothing is created', async () => {
    const world = await planWorld(t);
    const send = (token: string, body: Record<string, unknown>) => t.as(token).post('/api/v1/me/tokens').send({ name: 'x', ...body });
    expectFieldError(await send(world.lead.token, { planId: world.planId }), 'scopes');
    expectFieldError(await send(world.lead.token, { scopes: ['posts:write'] }), 'planId');
    expectFieldError(await send(world.lead.token, { planId: world.planId, scopes: ['plans:admin'] }), 'scopes.0');
    expectFieldError(await send(world.lead.token, { planId: world.planId, scopes: [] }), 'scopes');
    expectFieldError(await send(world.lead.token, { planId: world.planId, scopes: ['posts:write', 'posts:write'] }), 'scopes');
    expectFieldError(await send(world.lead.token, { planId: 'not-a-uuid', scopes: ['posts:write'] }), 'planId');
    expectFieldError(await send(world.outsider.token, { planId: world.planId, scopes: ['posts:write'] }), 'planId', 'no such plan');
    expectFieldError(await send(world.lead.token, { planId: GHOST, scopes: ['posts:write'] }), 'planId', 'no such plan');
    expectFieldError(await send(world.executive.token, { planId: world.planId, scopes: ['posts:write'] }), 'planId');
    for (const u of [world.lead, world.outsider, world.executive]) expect(await tokens(u.token)).toEqual([]);
  });

  test('When an admin makes a scoped token for any plan, then it records posts there', async () => {
    const world = await planWorld(t);
    const scoped = (await createToken(t, world.admin.token, { planId: world.planId, scopes: ['posts:write'] })).token;
    expect((await post(scoped, world.planId, { externalId: 'admin-1' })).status).toBe(201);
    expectProblem(await t.as(scoped).get('/api/v1/users'), 403, 'forbidden');
  });
});

describe('POST /me/password and API tokens', () => {
  test('When the password changes, then every API token ends, scoped or not; the session used lives on, others end', async () => {
    const world = await planWorld(t);
    const u: TestUser = world.lead;
    const other = await login(t, u.email, u.password);
    const plain = (await createToken(t, u.token)).token;
    const scoped = (await createToken(t, u.token, { planId: world.planId, scopes: ['posts:write'] })).token;
    expect((await t.as(plain).get('/api/v1/me')).status).toBe(200);
    const res = await t.as(u.token).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'a-brand-new-secret' });
    expect(res.status).toBe(204);
    expectProblem(await t.as(plain).get('/api/v1/me'), 401, 'unauthorized');
    expectProblem(await post(scoped, world.planId), 401, 'unauthorized');
    expectProblem(await t.as(other.token).get('/api/v1/me'), 401, 'unauthorized');
    expect((await t.as(u.token).get('/api/v1/me')).status).toBe(200);
    expect(await tokens(u.token)).toEqual([]);
    const log = await t.db.read((m) => m.query(`SELECT changes FROM activity WHERE action = 'password_change' AND entity_id = '${u.id}'`));
    expect(JSON.parse((log as Array<{ changes: string }>)[0]!.changes)).toEqual({ tokensRevoked: 2 });
  });

  test('When the password is changed with an API token, then that token ends too', async () => {
    const u = await t.user();
    const plain = (await createToken(t, u.token)).token;
    await t.as(plain).post('/api/v1/me/password').send({ currentPassword: u.password, newPassword: 'a-brand-new-secret' }).expect(204);
    expectProblem(await t.as(plain).get('/api/v1/me'), 401, 'unauthorized');
  });
});
