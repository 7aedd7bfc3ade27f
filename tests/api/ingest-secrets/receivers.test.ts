import { setupApp } from '../../support/app';
import { setupPlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { agorapulseEvent, createSecret, ledgerAndInbox, postizRow, rosterChannel, storedSecrets } from './helpers';

// docs/domain.md#receivers-and-ingest-secrets: Postiz and Agorapulse push published posts to a
// receiver opened by a per-plan secret; posts go through the roster into the ledger or the inbox.
const NOW = '2026-03-02T12:00:00.000Z';
const t = setupApp({ now: NOW, env: { INGEST_RATE_LIMIT: '5' } });
const world = setupPlanWorld(t);
const receive = (secret: string, receiver: string, body: unknown) => t.as().post(`/api/v1/ingest/${secret}/${receiver}`).send(body as object);
const lastUsed = async (id: string) => (await storedSecrets(t, world.planId)).find((r) => r.id === id)!.last_used_at;

beforeAll(async () => {
  // Postiz's LinkedIn page is the agency's; Agorapulse's X account is in the roster nowhere.
  await rosterChannel(t, world.lead.token, world.planId, 'Acme page', 'agency');
});
beforeEach(() => t.clock.set(NOW));

describe('POST /ingest/:secret/postiz', () => {
  test('When Postiz sends its array, then published rows are recorded through the roster, others ignored, and lastUsedAt is set', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    const res = await receive(s.secret, 'postiz', [
      postizRow('pz-1'),
      postizRow('pz-2', { state: 'published' }),
      postizRow('pz-3', { state: 'ERROR' }),
      postizRow('pz-4', { state: 'QUEUE' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 2, recorded: 2, inbox: 0, duplicates: 0, ignored: 2 });
    const { posts } = await ledgerAndInbox(t, world.planId);
    expect(posts.filter((p) => String(p.external_id).startsWith('pz-'))).toEqual([
      expect.objectContaining({
        channel: 'linkedin',
        external_id: 'pz-1',
        account: 'Acme page',
        permalink: 'https://linkedin.com/feed/update/urn:li:activity:pz-1',
        source: 'agency',
        classified_by: 'roster',
        origin: 'receiver:postiz',
      }),
      expect.objectContaining({ external_id: 'pz-2', origin: 'receiver:postiz' }),
    ]);
    expect(await lastUsed(s.id)).toBe(NOW);
    const list = await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/posts?channel=linkedin`).expect(200);
    expect(list.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(expect.arrayContaining(['pz-1', 'pz-2']));
  });

  test('When the same delivery is replayed, then nothing changes and the answer counts duplicates', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    const body = [postizRow('pz-replay-1'), postizRow('pz-replay-2')];
    expect((await receive(s.secret, 'postiz', body)).body).toMatchObject({ recorded: 2, duplicates: 0 });
    const before = await ledgerAndInbox(t, world.planId);
    const again = await receive(s.secret, 'postiz', body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: 2, recorded: 0, inbox: 0, duplicates: 2, ignored: 0 });
    expect(await ledgerAndInbox(t, world.planId)).toEqual(before);
  });

  test('When the payload is not Postiz’s (an object, an unknown field, no date), then 422 and nothing is recorded', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    const before = await ledgerAndInbox(t, world.planId);
    expectProblem(await receive(s.secret, 'postiz', postizRow('pz-bad-1')), 422, 'validation-failed');
    expectFieldError(await receive(s.secret, 'postiz', [postizRow('pz-bad-2', { extra: 1 })]), '0.extra');
    expectFieldError(await receive(s.secret, 'postiz', [postizRow('pz-bad-3', { publishDate: 'yesterday' })]), '0.publishDate');
    expect(await ledgerAndInbox(t, world.planId)).toEqual(before);
  });
});

describe('POST /ingest/:secret/agorapulse', () => {
  test('When PUBLISHED arrives for an account the roster does not know, then it waits in the inbox with its author; a replay changes nothing', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'agorapulse' });
    const event = agorapulseEvent('PUBLISHED', 'ap-1');
    const res = await receive(s.secret, 'agorapulse', event);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 1, recorded: 0, inbox: 1, duplicates: 0, ignored: 0 });
    const after = await ledgerAndInbox(t, world.planId);
    expect(after.inbox.filter((p) => p.external_id === 'ap-1')).toEqual([
      expect.objectContaining({ channel: 'x', account: 'Acme', author: 'Dana@Agency.example', permalink: 'https://x.com/acme/status/ap-1', origin: 'receiver:agorapulse' }),
    ]);
    expect(after.posts.filter((p) => p.external_id === 'ap-1')).toEqual([]);
    expect((await receive(s.secret, 'agorapulse', event)).body).toMatchObject({ inbox: 0, duplicates: 1 });
    expect(await ledgerAndInbox(t, world.planId)).toEqual(after);
  });

  test('When the roster later names the Agorapulse account, then the post waiting in the inbox enters the ledger', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'agorapulse' });
    await receive(s.secret, 'agorapulse', agorapulseEvent('PUBLISHED', 'ap-later', { payload: { post: { uid: 'ap-later', publishDate: '2026-03-02T11:00:00Z', profile: { name: 'Later account', network: 'INSTAGRAM' } } } }));
    const inbox = async () => (await t.as(world.lead.token).get(`/api/v1/plans/${world.planId}/ingest/inbox?limit=200`).expect(200)).body.items as Array<{ externalId: string }>;
    expect((await inbox()).map((p) => p.externalId)).toContain('ap-later');
    await rosterChannel(t, world.lead.token, world.planId, 'Later account', 'in_house');
    expect((await inbox()).map((p) => p.externalId)).not.toContain('ap-later');
    expect((await ledgerAndInbox(t, world.planId)).posts.filter((p) => p.external_id === 'ap-later')).toEqual([
      expect.objectContaining({ channel: 'instagram', account: 'Later account', source: 'in_house', classified_by: 'roster', origin: 'receiver:agorapulse' }),
    ]);
  });

  test('When FAILED arrives, then 200 with nothing recorded; an unknown action or type is 422', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'agorapulse' });
    const before = await ledgerAndInbox(t, world.planId);
    const failed = await receive(s.secret, 'agorapulse', agorapulseEvent('FAILED', 'ap-failed'));
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual({ received: 0, recorded: 0, inbox: 0, duplicates: 0, ignored: 1 });
    expectProblem(await receive(s.secret, 'agorapulse', { ...agorapulseEvent('PUBLISHED', 'ap-x'), action: 'SCHEDULED' }), 422, 'validation-failed');
    expectProblem(await receive(s.secret, 'agorapulse', { ...agorapulseEvent('PUBLISHED', 'ap-y'), type: 'INBOX_ITEM' }), 422, 'validation-failed');
    expectProblem(await receive(s.secret, 'agorapulse', [agorapulseEvent('PUBLISHED', 'ap-z')]), 422, 'validation-failed');
    expect(await ledgerAndInbox(t, world.planId)).toEqual(before);
  });
});

describe('Which secrets open a receiver', () => {
  test('When a secret is revoked, then its receiver answers 410 (before reading the body) and records nothing', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    await t.as(world.lead.token).delete(`/api/v1/plans/${world.planId}/ingest-secrets/${s.id}`).expect(204);
    const before = await ledgerAndInbox(t, world.planId);
    expectProblem(await receive(s.secret, 'postiz', [postizRow('pz-revoked')]), 410, 'gone');
    expectProblem(await receive(s.secret, 'postiz', { not: 'postiz' }), 410, 'gone');
    expect(await ledgerAndInbox(t, world.planId)).toEqual(before);
    expect(await lastUsed(s.id)).toBeNull();
  });

  test('When a secret is used on the other receiver, then 403 and nothing is recorded', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'agorapulse' });
    const before = await ledgerAndInbox(t, world.planId);
    expectProblem(await receive(s.secret, 'postiz', [postizRow('pz-wrong')]), 403, 'forbidden');
    expect(await ledgerAndInbox(t, world.planId)).toEqual(before);
  });

  test('When the secret is unknown or malformed, then 404 whatever the body, and the problem never names the secret', async () => {
    const unknown = `hoi_${'A'.repeat(43)}`;
    for (const [secret, body] of [
      [unknown, [postizRow('pz-unknown')]],
      [unknown, 'not json at all'],
      ['hot_notaningestsecret', []],
      ['x', { any: 'thing' }],
    ] as const) {
      const res = await receive(secret, 'postiz', body);
      expectProblem(res, 404, 'not-found');
      expect(res.body.instance).toBe('/api/v1/ingest/{secret}/postiz');
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
  });

  test('When a problem answers a receiver path in other letter cases or with no receiver, then its instance still hides the secret', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    for (const path of [`/API/V1/INGEST/${s.secret}/postiz`, `/api/v1/ingest/${s.secret}`, `/api/v1/ingest/${s.secret}/buffer`]) {
      const res = await t.as().post(path).send({ bad: true });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(res.body)).not.toContain(s.secret);
    }
    const invalid = await receive(s.secret, 'postiz', [{ id: 'x' }]);
    expectProblem(invalid, 422, 'validation-failed');
    expect(invalid.body.instance).toBe('/api/v1/ingest/{secret}/postiz');
  });

  test('When one secret makes more deliveries than INGEST_RATE_LIMIT in fifteen minutes, then 429 with Retry-After, until the window closes', async () => {
    const s = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    const other = await createSecret(t, world.lead.token, world.planId, { receiver: 'postiz' });
    for (let i = 0; i < 5; i++) expect((await receive(s.secret, 'postiz', [])).status).toBe(200);
    const refused = await receive(s.secret, 'postiz', [postizRow('pz-limited')]);
    expectProblem(refused, 429, 'rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ledgerAndInbox(t, world.planId)).posts.some((p) => p.external_id === 'pz-limited')).toBe(false);
    expect((await receive(other.secret, 'postiz', [])).status).toBe(200);
    t.clock.set('2026-03-02T12:15:00.001Z');
    expect((await receive(s.secret, 'postiz', [])).status).toBe(200);
  });

  test('When one address tries more than 30 unknown secrets in fifteen minutes, then the 31st is 429 with Retry-After', async () => {
    // A fresh window: the misses of the tests above (same address) are older than fifteen minutes.
    t.clock.set('2026-03-02T12:30:00.000Z');
    const from = (secret: string, body: unknown) => t.as().post(`/api/v1/ingest/${secret}/postiz`).send(body as object);
    for (let i = 0; i < 30; i++) expectProblem(await from(`hoi_${String(i).padStart(43, 'x')}`, []), 404, 'not-found');
    const refused = await from(`hoi_${'y'.repeat(43)}`, []);
    expectProblem(refused, 429, 'rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

