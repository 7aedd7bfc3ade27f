import { pathTo, ROUTES, type Snapshot } from '@handover/shared';
import { setupApp } from '../../support/app';
import { createPlan, createWebhook, planWorld } from '../../support/fixtures';
import { WebhookReceiver } from '../../support/webhook-receiver';
import { eventsOf } from './outbox-rows';

// snapshot.created (docs/domain.md#webhooks): a manual and a weekly snapshot announce themselves
// once each, with the documented payload; a backfill announces nothing.
const t = setupApp({ now: '2026-03-04T10:00:00.000Z', env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_JITTER: 'off' } });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => receiver.close());

test('When a lead takes a snapshot, then one snapshot.created with its id, kind, status and readiness reaches the receiver', async () => {
  const world = await planWorld(t);
  await createWebhook(t, world.lead.token, world.planId, { url: receiver.url('/manual'), events: ['snapshot.created'] });
  const res = await t.as(world.lead.token).post(pathTo(ROUTES.snapshots, { planId: world.planId })).send({ rag: 'amber', note: 'Slow week' }).expect(201);
  const snapshot = res.body as Snapshot;

  const events = await eventsOf(t, world.planId, 'snapshot.created');
  expect(events).toEqual([
    {
      type: 'snapshot.created',
      timestamp: snapshot.takenAt,
      data: {
        plan: { id: world.planId, name: 'Voice back home' },
        snapshot: { id: snapshot.id, kind: 'manual', weekStart: null, takenAt: snapshot.takenAt, rag: 'amber', readiness: snapshot.summary.readiness.score },
      },
    },
  ]);
  await t.services.webhookDispatcher.dispatchDue(t.clock.now());
  const [got] = await receiver.waitFor('/manual', 1);
  expect(JSON.parse(got!.body)).toEqual(events[0]);
});

test('When the scheduler takes the weekly snapshot, then it is announced once, and a second run announces nothing', async () => {
  const admin = await t.user({ isAdmin: true });
  const plan = await createPlan(t, admin.token, { startDate: '2026-01-05' });
  await t.runDueJobs(new Date('2026-03-09T06:00:00.000Z'));
  await t.runDueJobs(new Date('2026-03-09T06:01:00.000Z'));
  const events = await eventsOf(t, plan.id, 'snapshot.created');
  expect(events).toHaveLength(1);
  expect(events[0]!.data.snapshot).toMatchObject({ kind: 'weekly', weekStart: '2026-03-02', rag: null, takenAt: '2026-03-09T06:00:00.000Z' });
});

test('When a lead backfills missing weeks, then no snapshot.created is recorded for them', async () => {
  const world = await planWorld(t);
  const res = await t.as(world.lead.token).post(pathTo(ROUTES.snapshotsBackfill, { planId: world.planId })).send({}).expect(200);
  expect(res.body.created).toBeGreaterThan(0);
  expect(await eventsOf(t, world.planId, 'snapshot.created')).toEqual([]);
});
