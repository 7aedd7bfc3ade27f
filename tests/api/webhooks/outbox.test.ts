import pino from 'pino';
import { pathTo, ROUTES, type WebhookDelivery } from '@handover/shared';
import { ConfigError } from '../../../api/src/config';
import { WebhookDispatcher } from '../../../api/src/modules/webhooks/dispatcher';
import { setupApp } from '../../support/app';
import { createMilestone, createWebhook, planWorld, type PlanWorld } from '../../support/fixtures';
import { WebhookReceiver } from '../../support/webhook-receiver';

// The outbox's own bookkeeping (docs/domain.md#webhooks): a claim left by a killed process lapses
// after 60 s and only then is the attempt made again; old events and their log are purged after
// 30 days unless something is pending; deleting a webhook deletes its deliveries.
const t = setupApp({
  now: '2026-03-02T10:00:00.000Z',
  env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_JITTER: 'off', WEBHOOK_RETRY_SCHEDULE: '10s/30d' },
});
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver.close());

const DAY = 86_400_000;
const dispatcher = () => t.services.webhookDispatcher;
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.read((m) => m.query(sql, params)))[0].n);

async function completed(world: PlanWorld): Promise<void> {
  const ms = await createMilestone(t, world.lead.token, world.planId);
  await t.as(world.lead.token).patch(pathTo(ROUTES.milestone, { planId: world.planId, milestoneId: ms.id })).set('If-Match', '"1"').send({ status: 'done' }).expect(200);
}

async function deliveriesOf(world: PlanWorld, webhookId: string): Promise<WebhookDelivery[]> {
  return (await t.as(world.lead.token).get(pathTo(ROUTES.webhookDeliveries, { planId: world.planId, webhookId }))).body.items;
}

test('When a delivery is held by the claim of a process that died, then nobody attempts it until the claim lapses, then it is delivered once', async () => {
  const world = await planWorld(t);
  const hook = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/claimed') });
  await completed(world);
  await dispatcher().fanOut(t.clock.now());
  // What a process killed mid-attempt leaves behind: its claim, valid for another 60 s.
  const until = new Date(t.clock.now().getTime() + 60_000).toISOString();
  await t.db.write((m) =>
    m.query(`UPDATE webhook_deliveries SET claim_token = 'dead-process', claimed_until = ${t.db.param(1)} WHERE webhook_id = ${t.db.param(2)}`, [until, hook.id]),
  );
  expect(await dispatcher().dispatchDue(t.clock.now())).toMatchObject({ attempted: 0 });
  t.clock.advance(59_999);
  expect(await dispatcher().dispatchDue(t.clock.now())).toMatchObject({ attempted: 0 });
  t.clock.advance(1);
  expect(await dispatcher().dispatchDue(t.clock.now())).toMatchObject({ attempted: 1, delivered: 1 });
  expect(receiver.at('/claimed')).toHaveLength(1);
  expect((await deliveriesOf(world, hook.id))[0]).toMatchObject({ state: 'delivered' });
});

test('When events are older than 30 days, then housekeeping deletes them and their log, but keeps any still pending', async () => {
  t.clock.set('2026-04-01T00:00:00.000Z');
  const world = await planWorld(t);
  const done = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/old-ok') });
  receiver.failNext('/old-failing', Array<number>(20).fill(500));
  const failing = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/old-failing'), events: ['milestone.completed'] });
  await completed(world);
  await dispatcher().dispatchDue(t.clock.now());
  expect((await deliveriesOf(world, done.id))[0]!.state).toBe('delivered');
  expect((await deliveriesOf(world, failing.id))[0]!.state).toBe('pending');
  const ofPlan = `SELECT COUNT(*) AS n FROM outbox_events WHERE plan_id = ${t.db.param(1)}`;

  // Housekeeping's clock a month on (the test's sessions would not last that long).
  const later = () => new Date(t.clock.now().getTime() + 30 * DAY + 1);
  await dispatcher().purge(new Date(t.clock.now().getTime() + 30 * DAY - 1));
  expect(await count(ofPlan, [world.planId])).toBe(1);
  await dispatcher().purge(later());
  expect(await count(ofPlan, [world.planId])).toBe(1); // the failing delivery is still pending

  await t.as(world.lead.token).patch(pathTo(ROUTES.webhook, { planId: world.planId, webhookId: failing.id })).set('If-Match', '"1"').send({ active: false }).expect(200);
  t.clock.advance(10_000);
  await dispatcher().dispatchDue(t.clock.now()); // the retry fails at once: inactive
  expect((await deliveriesOf(world, failing.id))[0]!.state).toBe('failed');
  await dispatcher().purge(later());
  expect(await count(ofPlan, [world.planId])).toBe(0);
  expect(await deliveriesOf(world, done.id)).toEqual([]);
  expect(await deliveriesOf(world, failing.id)).toEqual([]);
});

test('When a webhook is deleted, then its deliveries are deleted with it and the event stays for the others', async () => {
  const world = await planWorld(t);
  const a = await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/del-a') });
  await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/del-b') });
  await completed(world);
  await dispatcher().dispatchDue(t.clock.now());
  const byHook = `SELECT COUNT(*) AS n FROM webhook_deliveries WHERE webhook_id = ${t.db.param(1)}`;
  expect(await count(byHook, [a.id])).toBe(1);
  await t.as(world.lead.token).delete(pathTo(ROUTES.webhook, { planId: world.planId, webhookId: a.id })).expect(204);
  expect(await count(byHook, [a.id])).toBe(0);
  expect(await count(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE plan_id = ${t.db.param(1)}`, [world.planId])).toBe(1);
});

test('When the dispatcher is started, then a commit that writes an event is delivered at once, without a call to dispatchDue', async () => {
  const world = await planWorld(t);
  await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/kicked') });
  dispatcher().start();
  try {
    await completed(world);
    const [got] = await receiver.waitFor('/kicked', 1, 10_000);
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'milestone.completed' });
  } finally {
    await dispatcher().stop();
  }
  // Stopped: a new event waits in the outbox for the next pass.
  await completed(world);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(receiver.at('/kicked')).toHaveLength(1);
  expect(await dispatcher().dispatchDue(t.clock.now())).toMatchObject({ fannedOut: 1, delivered: 1 });
});

test('When WEBHOOK_RETRY_SCHEDULE has a window over 30 days, then the app refuses to start, naming the variable', () => {
  const config = { ...t.config, webhookRetrySchedule: '1m/31d' };
  expect(() => new WebhookDispatcher({ db: t.db, config, clock: t.clock, logger: pino({ level: 'silent' }) })).toThrow(ConfigError);
  expect(() => new WebhookDispatcher({ db: t.db, config, clock: t.clock, logger: pino({ level: 'silent' }) })).toThrow(/WEBHOOK_RETRY_SCHEDULE.*at most 30d/);
});
