import type { Milestone } from '@handover/shared';
import { setupApp } from '../support/app';
import { milestoneInput, planInput, setupPlanWorld } from '../support/fixtures';
import { activityOf, login } from '../support/http';
import { expectFieldError, expectProblem } from '../support/problem';

const t = setupApp();
const world = setupPlanWorld(t);

let keys = 0;
const newKey = () => `key-${Date.now()}-${(keys += 1)}`;
const url = (planId = world.planId) => `/api/v1/plans/${planId}/milestones`;
const post = (key: string | undefined, body: object, token = world.lead.token, planId = world.planId) => {
  const req = t.as(token).post(url(planId));
  return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
};
const listTitles = async (planId = world.planId, token = world.admin.token) =>
  ((await t.as(token).get(`${url(planId)}?limit=200`)).body.items as Milestone[]).map((m) => m.title);
const countTitled = async (title: string, token = world.admin.token) =>
  (await listTitles(world.planId, token)).filter((x) => x === title).length;

test('When a POST is retried with the same key and body, then the first response comes back and nothing more is created', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Retry me' });
  const first = await post(key, body);
  expect(first.status).toBe(201);
  const logBefore = await activityOf(t, world.admin.token, world.planId);
  const second = await post(key, body);
  expect(second.status).toBe(201);
  expect(second.body).toEqual(first.body);
  expect(second.headers.etag).toBe(first.headers.etag);
  expect(second.headers['idempotent-replayed']).toBe('true');
  const third = await post(key, body);
  expect(third.body.id).toBe(first.body.id);
  expect(await countTitled('Retry me')).toBe(1);
  expect(await activityOf(t, world.admin.token, world.planId)).toEqual(logBefore);
});

test('When the retry sends the same fields in another order, then it is the same body and is replayed', async () => {
  const key = newKey();
  const first = await post(key, { title: 'Ordered', phase: 'agency_exit', dueDate: '2026-05-01', weight: 2 });
  const retry = await post(key, { weight: 2, dueDate: '2026-05-01', phase: 'agency_exit', title: 'Ordered' });
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(first.body.id);
  expect(await countTitled('Ordered')).toBe(1);
});

test('When the milestone changed after creation, then a retry still replays the original response', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Then edited' });
  const first = await post(key, body);
  await t.as(world.lead.token).patch(`${url()}/${first.body.id}`).set('If-Match', '"1"').send({ weight: 9 });
  const retry = await post(key, body);
  expect(retry.status).toBe(201);
  expect(retry.body).toEqual(first.body);
  expect(await countTitled('Then edited')).toBe(1);
});

test('When the same key comes with another body, then 422 and nothing is created', async () => {
  const key = newKey();
  expect((await post(key, milestoneInput({ title: 'Original' }))).status).toBe(201);
  const before = await listTitles();
  const res = await post(key, milestoneInput({ title: 'Different' }));
  expectProblem(res, 422, 'idempotency-key-reused');
  expect(await listTitles()).toEqual(before);
});

test('When the same key is used on another plan, then 422 and nothing is created there', async () => {
  const other = await t.as(world.admin.token).post('/api/v1/plans').send(planInput({ name: 'Second plan' }));
  const key = newKey();
  const body = milestoneInput({ title: 'Cross plan' });
  expect((await post(key, body, world.admin.token)).status).toBe(201);
  const res = await post(key, body, world.admin.token, other.body.id);
  expectProblem(res, 422, 'idempotency-key-reused');
  expect(await listTitles(other.body.id)).toEqual([]);
});

test('When two users send the same key, then each gets their own milestone', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Per user' });
  const a = await post(key, body, world.lead.token);
  const b = await post(key, body, world.admin.token);
  expect(a.status).toBe(201);
  expect(b.status).toBe(201);
  expect(a.body.id).not.toBe(b.body.id);
  expect(await countTitled('Per user')).toBe(2);
});

test('When two identical requests with one key arrive at once, then one milestone is created and both get it', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Twins' });
  const [a, b] = await Promise.all([post(key, body), post(key, body)]);
  expect(a.status).toBe(201);
  expect(b.status).toBe(201);
  expect(a.body.id).toBe(b.body.id);
  expect(await countTitled('Twins')).toBe(1);
  const log = await activityOf(t, world.admin.token, world.planId, `entityId=${a.body.id}`);
  expect(log.total).toBe(1);
});

test('When many identical requests with one key arrive at once, then still exactly one is created', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Stampede' });
  const results = await Promise.all(Array.from({ length: 8 }, () => post(key, body)));
  expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
  expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  expect(await countTitled('Stampede')).toBe(1);
});

test('When two different bodies with one key arrive at once, then one is created and the other gets 422', async () => {
  const key = newKey();
  const [a, b] = await Promise.all([
    post(key, milestoneInput({ title: 'Race A' })),
    post(key, milestoneInput({ title: 'Race B' })),
  ]);
  expect([a.status, b.status].sort()).toEqual([201, 422]);
  expect((await countTitled('Race A')) + (await countTitled('Race B'))).toBe(1);
});

test('When no key is sent, then each POST creates a new milestone', async () => {
  const body = milestoneInput({ title: 'No key' });
  await post(undefined, body);
  await post(undefined, body);
  expect(await countTitled('No key')).toBe(2);
});

test('When the first attempt was refused, then the key is not used up and a corrected retry creates the milestone', async () => {
  const key = newKey();
  const invalid = await post(key, { ...milestoneInput({ title: 'Fixed later' }), weight: 50 });
  expectProblem(invalid, 422, 'validation-failed');
  const dep = await post(undefined, milestoneInput({ title: 'Open dependency' }));
  const conflict = await post(key, milestoneInput({ title: 'Fixed later', status: 'done', dependsOn: [dep.body.id] }));
  expectProblem(conflict, 409, 'unmet-dependency');
  expect(await countTitled('Fixed later')).toBe(0);
  const ok = await post(key, milestoneInput({ title: 'Fixed later' }));
  expect(ok.status).toBe(201);
  expect(await countTitled('Fixed later')).toBe(1);
});

test('When a caller without permission replays a key, then they get 403, not the stored response', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Guarded' });
  expect((await post(key, body)).status).toBe(201);
  expectProblem(await post(key, body, world.executive.token), 403, 'forbidden');
  expectProblem(await post(key, body, world.outsider.token), 404, 'not-found');
});

test.each([
  ['empty', ''],
  ['over 255 characters', 'k'.repeat(256)],
  ['containing spaces', 'my key'],
])('When the key is %s, then 422 and nothing is created', async (_why, key) => {
  const before = await listTitles();
  const res = await t.as(world.lead.token).post(url()).set('Idempotency-Key', key).send(milestoneInput({ title: 'Bad key' }));
  expectFieldError(res, 'Idempotency-Key', { only: true });
  expect(await listTitles()).toEqual(before);
});

test('When a key is 255 visible characters, then it is accepted', async () => {
  const res = await post('k'.repeat(254) + '!', milestoneInput({ title: 'Long key' }));
  expect(res.status).toBe(201);
});

test('When a day has passed, then the key is forgotten and the same request creates again', async () => {
  const key = newKey();
  const body = milestoneInput({ title: 'Next day' });
  expect((await post(key, body)).status).toBe(201);
  t.clock.advance(25 * 60 * 60 * 1000);
  try {
    // Sessions have expired by now too: sign in again.
    const { token } = await login(t, world.lead.email, world.lead.password);
    const again = await post(key, body, token);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await countTitled('Next day', token)).toBe(2);
    // And the renewed key replays from now on.
    const replay = await post(key, body, token);
    expect(replay.body.id).toBe(again.body.id);
  } finally {
    t.clock.reset();
  }
});
