import { pathTo, ROUTES, type Milestone, type WebhookDelivery } from '@handover/shared';
import { Webhook as Verifier } from 'standardwebhooks';
import { setupApp } from '../../support/app';
import { createHandover, createMilestone, createWebhook, moveHandover, planWorld, type PlanWorld } from '../../support/fixtures';
import { activityOf } from '../../support/http';
import { expectProblem } from '../../support/problem';
import { WebhookReceiver } from '../../support/webhook-receiver';

// Delivery (docs/domain.md#webhooks): events written with their change, fanned out to matching
// webhooks, signed per Standard Webhooks, retried on WEBHOOK_RETRY_SCHEDULE (jitter off), failed
// after the window, redelivered on request. The injected clock drives every attempt time.
const t = setupApp({
  now: '2026-03-02T10:00:00.000Z',
  env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_JITTER: 'off', WEBHOOK_RETRY_SCHEDULE: '10s,1m,5m/1h' },
});
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver.close());

let paths = 0;
const uniquePath = (name: string) => `/${name}-${++paths}`;
const dispatch = () => t.services.webhookDispatcher.dispatchDue(t.clock.now());

async function completeMilestone(world: PlanWorld, overrides: Partial<Milestone> = {}): Promise<Milestone> {
  const ms = await createMilestone(t, world.lead.token, world.planId, { title: overrides.title ?? 'Launch the staff network' });
  const res = await t.as(world.lead.token).patch(pathTo(ROUTES.milestone, { planId: world.planId, milestoneId: ms.id })).set('If-Match', '"1"').send({ status: 'done' });
  expect(res.status).toBe(200);
  return res.body as Milestone;
}

async function deliveries(world: PlanWorld, webhookId: string): Promise<WebhookDelivery[]> {
  const res = await t.as(world.lead.token).get(pathTo(ROUTES.webhookDeliveries, { planId: world.planId, webhookId }, { limit: 200 }));
  expect(res.status).toBe(200);
  return res.body.items as WebhookDelivery[];
}

test('When a milestone is completed, then a signed Standard Webhooks request reaches the receiver and the delivery is listed as delivered', async () => {
  const world = await planWorld(t);
  const path = uniquePath('standard');
  const hook = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path), events: ['milestone.completed'] });
  const done = await completeMilestone(world);

  expect(await dispatch()).toEqual({ fannedOut: 1, attempted: 1, delivered: 1 });
  const [got] = receiver.at(path);
  expect(receiver.at(path)).toHaveLength(1);
  const verified = new Verifier(hook.secret).verify(got!.body, got!.headers as Record<string, string>);
  expect(verified).toEqual({
    type: 'milestone.completed',
    timestamp: done.completedAt,
    data: {
      plan: { id: world.planId, name: expect.any(String) },
      milestone: { id: done.id, title: 'Launch the staff network', phase: done.phase, dueDate: done.dueDate, weight: done.weight, completedAt: done.completedAt },
      actor: { id: world.lead.id, name: expect.any(String) },
    },
  });
  expect(got!.headers['content-type']).toBe('application/json');

  const [delivery] = await deliveries(world, hook.id);
  expect(delivery).toMatchObject({ webhookId: hook.id, eventType: 'milestone.completed', state: 'delivered', nextAttemptAt: null, messageId: got!.headers['webhook-id'] });
  expect(delivery!.attempts).toEqual([{ at: t.clock.now().toISOString(), status: 204, ok: true, error: null, durationMs: expect.any(Number), responseSnippet: '' }]);
  // Nothing more to do: a second pass sends nothing.
  expect(await dispatch()).toEqual({ fannedOut: 0, attempted: 0, delivered: 0 });
});

test('When a handover is accepted, then each webhook gets only the events it subscribes to', async () => {
  const world = await planWorld(t);
  const all = uniquePath('all');
  const accepted = uniquePath('accepted');
  await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(all), events: ['handover.transitioned', 'handover.accepted'] });
  await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(accepted), events: ['handover.accepted'] });
  const h = await createHandover(t, world.lead.token, world.planId, { title: 'Answer DMs' });
  for (const to of ['shadowing', 'reverse_shadowing', 'in_house', 'accepted'] as const) await moveHandover(t, world.lead.token, world.planId, h.id, to, to === 'accepted' ? 'Signed off' : undefined);

  await dispatch();
  const types = (path: string) => receiver.at(path).map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
  // Deliveries are attempted a few at a time, so they may arrive in any order (receivers sort by `timestamp`).
  expect(types(all).map((e) => e.type).sort()).toEqual([
    'handover.accepted',
    'handover.transitioned',
    'handover.transitioned',
    'handover.transitioned',
    'handover.transitioned',
  ]);
  const moves = types(all).filter((e) => e.type === 'handover.transitioned').map((e) => `${String(e.data.from)}>${String(e.data.to)}`);
  expect(moves.sort()).toEqual(['agency>shadowing', 'in_house>accepted', 'reverse_shadowing>in_house', 'shadowing>reverse_shadowing']);
  expect(types(all).find((e) => e.data.to === 'accepted')!.data).toMatchObject({ handover: { id: h.id, title: 'Answer DMs' }, from: 'in_house', note: 'Signed off' });
  expect(types(accepted).map((e) => e.type)).toEqual(['handover.accepted']);
});

test('When the receiver fails, then attempts follow the retry schedule exactly, keep one webhook-id, and the log shows each status code', async () => {
  const world = await planWorld(t);
  const path = uniquePath('flaky');
  receiver.failNext(path, [500, 503]);
  const hook = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path) });
  await completeMilestone(world);
  const start = t.clock.now().getTime();

  expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 0 });
  let [d] = await deliveries(world, hook.id);
  expect(d).toMatchObject({ state: 'pending', nextAttemptAt: new Date(start + 10_000).toISOString() });

  t.clock.advance(9_999);
  expect(await dispatch()).toMatchObject({ attempted: 0 });
  t.clock.advance(1);
  expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 0 });
  [d] = await deliveries(world, hook.id);
  expect(d).toMatchObject({ state: 'pending', nextAttemptAt: new Date(start + 10_000 + 60_000).toISOString() });

  t.clock.advance(60_000);
  expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 1 });
  [d] = await deliveries(world, hook.id);
  expect(d!.state).toBe('delivered');
  expect(d!.attempts.map((a) => [a.status, a.ok, a.at])).toEqual([
    [500, false, new Date(start).toISOString()],
    [503, false, new Date(start + 10_000).toISOString()],
    [204, true, new Date(start + 70_000).toISOString()],
  ]);
  expect(d!.attempts[0]!.responseSnippet).toBe('status 500');
  const ids = new Set(receiver.at(path).map((r) => r.headers['webhook-id']));
  expect([...ids]).toEqual([d!.messageId]);
});

test('When the receiver keeps failing past the window, then the delivery is failed, and a redelivery sends it again with the same webhook-id', async () => {
  const world = await planWorld(t);
  const path = uniquePath('down');
  receiver.failNext(path, Array<number>(50).fill(500));
  const hook = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path) });
  await completeMilestone(world);
  const start = t.clock.now().getTime();

  let d: WebhookDelivery | undefined;
  for (let i = 0; i < 30; i++) {
    await dispatch();
    [d] = await deliveries(world, hook.id);
    if (d!.state !== 'pending') break;
    t.clock.set(d!.nextAttemptAt!);
  }
  // 0, 10 s, 1 min 10 s, then every 5 min while inside the hour: 6 min 10 s ... 56 min 10 s.
  expect(d!.state).toBe('failed');
  expect(d!.nextAttemptAt).toBeNull();
  const offsets = d!.attempts.map((a) => (Date.parse(a.at) - start) / 1000);
  expect(offsets).toEqual([0, 10, 70, 370, 670, 970, 1270, 1570, 1870, 2170, 2470, 2770, 3070, 3370]);
  expect(receiver.at(path)).toHaveLength(14);

  receiver.recover(path); // answers 204 from now on
  const redeliver = pathTo(ROUTES.webhookRedeliver, { planId: world.planId, webhookId: hook.id, deliveryId: d!.id });
  const res = await t.as(world.lead.token).post(redeliver);
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ id: d!.id, state: 'pending', nextAttemptAt: t.clock.now().toISOString() });
  expectProblem(await t.as(world.lead.token).post(redeliver), 409, 'conflict');

  expect(await dispatch()).toMatchObject({ attempted: 1, delivered: 1 });
  [d] = await deliveries(world, hook.id);
  expect(d!.state).toBe('delivered');
  expect(d!.attempts).toHaveLength(15);
  expect(new Set(receiver.at(path).map((r) => r.headers['webhook-id']))).toEqual(new Set([d!.messageId]));
  const log = await activityOf(t, world.lead.token, world.planId, `entity=webhook&entityId=${hook.id}`);
  expect(log.items[0]).toMatchObject({ action: 'redeliver', changes: { deliveryId: d!.id, state: { from: 'failed', to: 'pending' } } });
});

test('When a redelivery names a delivery of another webhook or none, then 404; executives get 403', async () => {
  const world = await planWorld(t);
  const path = uniquePath('other');
  const a = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path) });
  const b = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path), events: ['handover.accepted'] });
  await completeMilestone(world);
  await dispatch();
  const [d] = await deliveries(world, a.id);
  const url = (webhookId: string, deliveryId: string) => pathTo(ROUTES.webhookRedeliver, { planId: world.planId, webhookId, deliveryId });
  expectProblem(await t.as(world.lead.token).post(url(b.id, d!.id)), 404, 'not-found');
  expectProblem(await t.as(world.lead.token).post(url(a.id, '00000000-0000-4000-8000-000000000000')), 404, 'not-found');
  expectProblem(await t.as(world.executive.token).post(url(a.id, d!.id)), 403, 'forbidden');
  expect((await deliveries(world, a.id))[0]!.state).toBe('delivered');
});

test('When the webhook is a Slack one, then it posts {text, blocks} without signature headers', async () => {
  const world = await planWorld(t);
  const path = uniquePath('slack');
  await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path), format: 'slack' });
  await completeMilestone(world, { title: 'Staff <b>guide</b> & FAQ' });
  await dispatch();
  const [got] = receiver.at(path);
  expect(got!.headers['webhook-signature']).toBeUndefined();
  const body = JSON.parse(got!.body) as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
  expect(body.text).toContain('Milestone completed: Staff &lt;b&gt;guide&lt;/b&gt; &amp; FAQ');
  expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
});

test('When a webhook is inactive, or subscribes to other events, then no delivery is made for it', async () => {
  const world = await planWorld(t);
  const path = uniquePath('quiet');
  const off = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path), active: false });
  const other = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url(path), events: ['snapshot.created'] });
  await completeMilestone(world);
  expect(await dispatch()).toEqual({ fannedOut: 1, attempted: 0, delivered: 0 });
  expect(receiver.at(path)).toEqual([]);
  expect(await deliveries(world, off.id)).toEqual([]);
  expect(await deliveries(world, other.id)).toEqual([]);
});

test('When a change is refused, then no event is written; when it commits, exactly one is', async () => {
  const world = await planWorld(t);
  const count = async () =>
    Number((await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM outbox_events WHERE plan_id = ${t.db.param(1)}`, [world.planId])))[0].n);
  const first = await createMilestone(t, world.lead.token, world.planId);
  const second = await createMilestone(t, world.lead.token, world.planId, { dependsOn: [first.id] });
  const refused = await t.as(world.lead.token).patch(pathTo(ROUTES.milestone, { planId: world.planId, milestoneId: second.id })).set('If-Match', '"1"').send({ status: 'done' });
  expectProblem(refused, 409);
  expect(await count()).toBe(0);
  await t.as(world.lead.token).patch(pathTo(ROUTES.milestone, { planId: world.planId, milestoneId: first.id })).set('If-Match', '"1"').send({ title: 'Renamed' });
  expect(await count()).toBe(0);
  const created = await t.as(world.lead.token).post(pathTo(ROUTES.milestones, { planId: world.planId })).send({ title: 'Already done', phase: 'internal_network', dueDate: '2026-03-01', status: 'done' });
  expect(created.status).toBe(201);
  expect(await count()).toBe(1);
});
