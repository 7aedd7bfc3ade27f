import { setupApp } from '../../support/app';
import { planWorld, setupPlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { createSecret, sha256, storedSecrets } from './helpers';

// docs/domain.md#receivers-and-ingest-secrets: a lead creates a secret for one receiver, sees it
// once, lists secrets without it, and revokes them.
const NOW = '2026-03-02T09:00:00.000Z';
const t = setupApp({ now: NOW });
const world = setupPlanWorld(t);
const base = () => `/api/v1/plans/${world.planId}/ingest-secrets`;
const list = async () => (await t.as(world.lead.token).get(base()).expect(200)).body.items as Array<Record<string, unknown>>;
const activity = async (entity = 'ingest_secret') =>
  (await t.as(world.admin.token).get(`/api/v1/plans/${world.planId}/activity?entity=${entity}&limit=200`).expect(200)).body.items as Array<
    Record<string, unknown>
  >;

beforeEach(() => t.clock.set(NOW));

describe('POST /plans/:planId/ingest-secrets', () => {
  test('When a lead creates a secret, then it is shown once with its receiver path, stored only as its SHA-256, and logged without it', async () => {
    const res = await t.as(world.lead.token).post(base()).send({ receiver: 'agorapulse', name: 'Agorapulse EU' });
    expect(res.status).toBe(201);
    const secret = res.body.secret as string;
    expect(secret).toMatch(/^hoi_[A-Za-z0-9_-]{43}$/);
    expect(res.body).toEqual({
      id: expect.any(String),
      planId: world.planId,
      receiver: 'agorapulse',
      name: 'Agorapulse EU',
      createdAt: NOW,
      createdBy: { id: world.lead.id, name: expect.any(String) },
      lastUsedAt: null,
      revokedAt: null,
      secret,
      path: `/api/v1/ingest/${secret}/agorapulse`,
    });

    const rows = (await storedSecrets(t, world.planId)).filter((r) => r.id === res.body.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).toBe(sha256(secret));
    expect(JSON.stringify(await storedSecrets(t, world.planId))).not.toContain(secret.slice(4));

    const listed = (await list()).find((s) => s.id === res.body.id);
    expect(listed).toEqual({ ...res.body, secret: undefined, path: undefined });
    expect(Object.keys(listed!)).not.toContain('secret');

    const logged = (await activity()).filter((a) => a.entityId === res.body.id);
    expect(logged).toMatchObject([{ action: 'create', changes: { receiver: 'agorapulse', name: 'Agorapulse EU' } }]);
    expect(JSON.stringify(logged)).not.toContain(secret);
  });

  test('When no name is given, then the receiver names it; two secrets for one receiver are two different secrets', async () => {
    const a = await createSecret(t, world.admin.token, world.planId, { receiver: 'postiz' });
    const b = await createSecret(t, world.admin.token, world.planId, { receiver: 'postiz' });
    expect(a.name).toBe('Postiz');
    expect(a.secret).not.toBe(b.secret);
  });

  test('When the receiver is unknown or missing, or a field is unknown, then 422 names it and nothing is created', async () => {
    const before = await storedSecrets(t, world.planId);
    expectFieldError(await t.as(world.lead.token).post(base()).send({ receiver: 'buffer' }), 'receiver');
    expectFieldError(await t.as(world.lead.token).post(base()).send({}), 'receiver');
    expectFieldError(await t.as(world.lead.token).post(base()).send({ receiver: 'postiz', secret: 'hoi_mine' }), 'secret');
    expectFieldError(await t.as(world.lead.token).post(base()).send({ receiver: 'postiz', name: '' }), 'name');
    expect(await storedSecrets(t, world.planId)).toEqual(before);
  });

  test('When a create is retried with its Idempotency-Key, then one secret exists and the replay does not show the secret again', async () => {
    const send = () => t.as(world.lead.token).post(base()).set('Idempotency-Key', 'secret-once').send({ receiver: 'postiz', name: 'Retried' });
    const first = await send();
    expect(first.status).toBe(201);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual({ ...first.body, secret: null, path: '/api/v1/ingest/{secret}/postiz' });
    expect((await list()).filter((s) => s.name === 'Retried')).toHaveLength(1);
    const stored = await t.db.read((m) => m.query('SELECT body FROM idempotency_keys')) as Array<{ body: string }>;
    expect(JSON.stringify(stored)).not.toContain(first.body.secret as string);
  });
});

describe('DELETE /plans/:planId/ingest-secrets/:secretId', () => {
  test('When a lead revokes a secret, then 204, the list shows when, the log says so, and a second revoke is 404', async () => {
    const s = await createSecret(t, world.admin.token, world.planId, { receiver: 'postiz', name: 'To revoke' });
    t.clock.set('2026-03-02T09:10:00.000Z');
    await t.as(world.lead.token).delete(`${base()}/${s.id}`).expect(204);
    expect((await list()).find((x) => x.id === s.id)).toMatchObject({ revokedAt: '2026-03-02T09:10:00.000Z', lastUsedAt: null });
    expect((await activity()).filter((a) => a.entityId === s.id).map((a) => a.action)).toEqual(['revoke', 'create']);
    const before = await storedSecrets(t, world.planId);
    expectProblem(await t.as(world.lead.token).delete(`${base()}/${s.id}`), 404, 'not-found');
    expect(await storedSecrets(t, world.planId)).toEqual(before);
  });

  test('When the id is unknown, malformed, or another plan’s secret, then 404 and nothing changes', async () => {
    const other = await planWorld(t, world.admin);
    const theirs = await createSecret(t, world.admin.token, other.planId);
    const before = await storedSecrets(t, other.planId);
    expectProblem(await t.as(world.lead.token).delete(`${base()}/${theirs.id}`), 404, 'not-found');
    expectProblem(await t.as(world.lead.token).delete(`${base()}/not-a-uuid`), 404, 'not-found');
    expectProblem(await t.as(world.lead.token).delete(`${base()}/0190a0a0-0000-7000-8000-000000000000`), 404, 'not-found');
    expect(await storedSecrets(t, other.planId)).toEqual(before);
  });
});

describe('GET /plans/:planId/ingest-secrets', () => {
  test('When a plan has secrets, then leads see only this plan’s, without the secret; executives and agency staff get 403, strangers 404, the anonymous 401', async () => {
    await createSecret(t, world.admin.token, world.planId);
    expectProblem(await t.as(world.executive.token).get(base()), 403, 'forbidden');
    expectProblem(await t.as(world.agency.token).get(base()), 403, 'forbidden');
    expectProblem(await t.as(world.outsider.token).get(base()), 404, 'not-found');
    expectProblem(await t.as().get(base()), 401, 'unauthorized');
    const items = await list();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.planId === world.planId && !('secret' in s))).toBe(true);
  });
});
