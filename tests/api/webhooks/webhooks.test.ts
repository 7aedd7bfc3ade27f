import { pathTo, ROUTES, type Webhook } from '@handover/shared';
import { setupApp, startApp, type TestApp } from '../../support/app';
import { createWebhook, planWorld, setupPlanWorld, webhookInput, type PlanWorld } from '../../support/fixtures';
import { activityOf } from '../../support/http';
import { expectFieldError, expectProblem } from '../../support/problem';

// Webhooks as a resource (docs/domain.md#webhooks): who may manage them, secrets shown once, Slack
// URLs masked, versions, idempotent creates, the activity log and the address guard at create.
const t = setupApp({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_JITTER: 'off' } });
const w = setupPlanWorld(t);

const hooks = (planId: string) => pathTo(ROUTES.webhooks, { planId });
const hook = (planId: string, webhookId: string) => pathTo(ROUTES.webhook, { planId, webhookId });
const SLACK = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX';

async function listed(world: PlanWorld): Promise<Webhook[]> {
  const res = await t.as(world.lead.token).get(`${hooks(world.planId)}?limit=200`);
  expect(res.status).toBe(200);
  return res.body.items as Webhook[];
}

test('When a lead creates a webhook, then it answers 201 with a whsec_ secret shown once and the webhook is stored without it', async () => {
  const res = await t.as(w.lead.token).post(hooks(w.planId)).send({ url: 'http://127.0.0.1:9/a', events: ['milestone.completed', 'handover.accepted'] });
  expect(res.status).toBe(201);
  expect(res.headers.etag).toBe('"1"');
  expect(res.body).toMatchObject({ planId: w.planId, url: 'http://127.0.0.1:9/a', format: 'standard', active: true, version: 1, previousSecretUntil: null });
  expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(Buffer.from(res.body.secret.slice(6), 'base64')).toHaveLength(32);

  const got = await t.as(w.lead.token).get(hook(w.planId, res.body.id));
  expect(got.status).toBe(200);
  expect(got.headers.etag).toBe('"1"');
  expect(got.body).not.toHaveProperty('secret');
  expect(got.body).toEqual(Object.fromEntries(Object.entries(res.body).filter(([k]) => k !== 'secret')));
  const items = await listed(w);
  expect(items.find((x) => x.id === res.body.id)).toEqual(got.body);
  expect(JSON.stringify(items)).not.toContain(res.body.secret.slice(6));

  const log = await activityOf(t, w.lead.token, w.planId, `entity=webhook&entityId=${res.body.id}`);
  expect(log.items.map((a) => a.action)).toEqual(['create']);
  expect(JSON.stringify(log.items)).not.toContain(res.body.secret.slice(6));
});

test('When a Slack webhook is created, then its URL (a credential) is masked in every answer and in the log', async () => {
  const res = await t.as(w.lead.token).post(hooks(w.planId)).send({ url: SLACK, events: ['milestone.completed'], format: 'slack' });
  expect(res.status).toBe(201);
  expect(res.body.url).toBe('https://hooks.slack.com/services/****');
  expect((await t.as(w.admin.token).get(hook(w.planId, res.body.id))).body.url).toBe('https://hooks.slack.com/services/****');
  expect((await listed(w)).find((x) => x.id === res.body.id)?.url).toBe('https://hooks.slack.com/services/****');
  const log = await activityOf(t, w.lead.token, w.planId, `entity=webhook&entityId=${res.body.id}`);
  expect(JSON.stringify(log.items)).not.toContain('XXXXXXXX');
});

test('When a webhook is edited, then If-Match is required, a stale one is 412, and the change is kept and logged', async () => {
  const created = await createWebhook(t, w.lead.token, w.planId);
  const path = hook(w.planId, created.id);
  expectProblem(await t.as(w.lead.token).patch(path).send({ active: false }), 428, 'precondition-required');
  expectProblem(await t.as(w.lead.token).patch(path).set('If-Match', '"7"').send({ active: false }), 412, 'precondition-failed');
  expect((await t.as(w.lead.token).get(path)).body).toMatchObject({ active: true, version: 1 });

  const res = await t.as(w.lead.token).patch(path).set('If-Match', '"1"').send({ active: false, events: ['handover.accepted'] });
  expect(res.status).toBe(200);
  expect(res.headers.etag).toBe('"2"');
  expect(res.body).not.toHaveProperty('secret');
  expect((await t.as(w.lead.token).get(path)).body).toMatchObject({ active: false, events: ['handover.accepted'], version: 2 });
  const log = await activityOf(t, w.lead.token, w.planId, `entity=webhook&entityId=${created.id}`);
  expect(log.items[0]).toMatchObject({ action: 'update', changes: { active: { from: true, to: false } } });
});

test('When a create is retried with the same Idempotency-Key, then the first answer is replayed and one webhook exists', async () => {
  const world = await planWorld(t);
  const body = webhookInput({ url: 'http://127.0.0.1:9/idem' });
  const first = await t.as(world.lead.token).post(hooks(world.planId)).set('Idempotency-Key', 'hook-1').send(body);
  const again = await t.as(world.lead.token).post(hooks(world.planId)).set('Idempotency-Key', 'hook-1').send(body);
  expect(first.status).toBe(201);
  expect(again.status).toBe(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body.id).toBe(first.body.id);
  expect(await listed(world)).toHaveLength(1);
  expectProblem(
    await t.as(world.lead.token).post(hooks(world.planId)).set('Idempotency-Key', 'hook-1').send({ ...body, url: 'http://127.0.0.1:9/other' }),
    422,
    'idempotency-key-reused',
  );
});

test.each([
  ['ftp://example.com/x', 'url'],
  ['http://user:pass@example.com/x', 'url'],
  ['not a url', 'url'],
])('When the URL is %s, then 422 names the field and nothing is created', async (url, field) => {
  const world = await planWorld(t);
  expectFieldError(await t.as(world.lead.token).post(hooks(world.planId)).send({ url, events: ['milestone.completed'] }), field);
  expect(await listed(world)).toEqual([]);
});

test('When events are empty, repeated or unknown, or a field is unknown, then 422 and nothing is created', async () => {
  const world = await planWorld(t);
  const send = (body: object) => t.as(world.lead.token).post(hooks(world.planId)).send(body);
  expectFieldError(await send({ url: 'http://127.0.0.1:9/', events: [] }), 'events');
  expectFieldError(await send({ url: 'http://127.0.0.1:9/', events: ['milestone.completed', 'milestone.completed'] }), 'events');
  expectFieldError(await send({ url: 'http://127.0.0.1:9/', events: ['milestone.deleted'] }), 'events.0');
  expectFieldError(await send({ url: 'http://127.0.0.1:9/', events: ['milestone.completed'], secret: 'whsec_mine' }), 'secret');
  expect(await listed(world)).toEqual([]);
});

test('When executives, agency staff, non-members or anonymous callers touch webhooks, then 403, 403, 404 and 401', async () => {
  const created = await createWebhook(t, w.lead.token, w.planId);
  const paths = [hooks(w.planId), hook(w.planId, created.id), pathTo(ROUTES.webhookDeliveries, { planId: w.planId, webhookId: created.id })];
  for (const path of paths) {
    expectProblem(await t.as(w.executive.token).get(path), 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).get(path), 403, 'forbidden');
    expectProblem(await t.as(w.outsider.token).get(path), 404, 'not-found');
    expectProblem(await t.as().get(path), 401, 'unauthorized');
  }
  expectProblem(await t.as(w.executive.token).post(hooks(w.planId)).send(webhookInput()), 403, 'forbidden');
  expectProblem(await t.as(w.agency.token).delete(hook(w.planId, created.id)), 403, 'forbidden');
  expect((await t.as(w.admin.token).get(hook(w.planId, created.id))).status).toBe(200);
});

test("When a webhook of another plan is asked for, then 404 as if it did not exist", async () => {
  const other = await planWorld(t);
  const foreign = await createWebhook(t, other.lead.token, other.planId);
  expectProblem(await t.as(w.lead.token).get(hook(w.planId, foreign.id)), 404, 'not-found');
  expectProblem(await t.as(w.lead.token).patch(hook(w.planId, foreign.id)).set('If-Match', '"1"').send({ active: false }), 404);
  expect((await t.as(other.lead.token).get(hook(other.planId, foreign.id))).body).toMatchObject({ active: true, version: 1 });
});

test('When a webhook is deleted, then 204, it is gone, and the deletion is logged', async () => {
  const created = await createWebhook(t, w.lead.token, w.planId);
  expectProblem(await t.as(w.lead.token).delete(hook(w.planId, created.id)).set('If-Match', '"3"'), 412);
  expect((await t.as(w.lead.token).delete(hook(w.planId, created.id))).status).toBe(204);
  expectProblem(await t.as(w.lead.token).get(hook(w.planId, created.id)), 404, 'not-found');
  const log = await activityOf(t, w.lead.token, w.planId, `entity=webhook&entityId=${created.id}`);
  expect(log.items.map((a) => a.action)).toEqual(['delete', 'create']);
});

test('When the secret is rotated, then a new one is shown once and the old one keeps signing for 24 hours', async () => {
  const created = await createWebhook(t, w.lead.token, w.planId);
  const res = await t.as(w.lead.token).post(pathTo(ROUTES.webhookSecret, { planId: w.planId, webhookId: created.id })).set('If-Match', '"1"');
  expect(res.status).toBe(200);
  expect(res.body.secret).toMatch(/^whsec_/);
  expect(res.body.secret).not.toBe(created.secret);
  expect(res.body.version).toBe(2);
  expect(Date.parse(res.body.previousSecretUntil) - t.clock.now().getTime()).toBeGreaterThan(23.9 * 3600_000);
  const got = await t.as(w.lead.token).get(hook(w.planId, created.id));
  expect(got.body).toMatchObject({ version: 2, previousSecretUntil: res.body.previousSecretUntil });
  expect(got.body).not.toHaveProperty('secret');
  const log = await activityOf(t, w.lead.token, w.planId, `entity=webhook&entityId=${created.id}`);
  expect(log.items[0]?.action).toBe('rotate-secret');
  expect(JSON.stringify(log.items)).not.toContain(res.body.secret.slice(6));
});

describe('the address guard at create', () => {
  let strict: TestApp;
  let world: PlanWorld;
  beforeAll(async () => {
    strict = await startApp({ WEBHOOK_RETRY_JITTER: 'off' });
    world = await planWorld(strict);
  });
  afterAll(async () => strict.close());

  test.each(['http://127.0.0.1:8080/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'http://[::1]/hook', 'http://[fd00::1]/x', 'http://100.64.0.1/'])(
    'When WEBHOOK_ALLOW_PRIVATE is not set and the URL is %s, then 422 on url and nothing is created',
    async (url) => {
      const res = await strict.as(world.lead.token).post(hooks(world.planId)).send({ url, events: ['milestone.completed'] });
      expectFieldError(res, 'url', /not accepted as a webhook target/);
      const list = await strict.as(world.lead.token).get(hooks(world.planId));
      expect(list.body.items).toEqual([]);
    },
  );

  test('When a host name resolves to a private address, then 422, and an edit to such a URL is refused too', async () => {
    strict.services.webhookDispatcher.options.resolver = async (name) =>
      name === 'inside.example.test' ? [{ address: '192.168.1.20', family: 4 }] : [{ address: '93.184.215.14', family: 4 }];
    try {
      expectFieldError(await strict.as(world.lead.token).post(hooks(world.planId)).send({ url: 'https://inside.example.test/h', events: ['milestone.completed'] }), 'url');
      const ok = await strict.as(world.lead.token).post(hooks(world.planId)).send({ url: 'https://public.example.test/h', events: ['milestone.completed'] });
      expect(ok.status).toBe(201);
      const edit = await strict.as(world.lead.token).patch(hook(world.planId, ok.body.id)).set('If-Match', '"1"').send({ url: 'http://inside.example.test/' });
      expectFieldError(edit, 'url');
      expect((await strict.as(world.lead.token).get(hook(world.planId, ok.body.id))).body).toMatchObject({ url: 'https://public.example.test/h', version: 1 });
    } finally {
      strict.services.webhookDispatcher.options.resolver = undefined;
    }
  });
});
