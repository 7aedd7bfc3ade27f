import pino from 'pino';
import { pathTo, ROUTES } from '@handover/shared';
import { createApp } from '../../../api/src/app';
import { openDatabase, type Db } from '../../../api/src/db/data-source';
import { WebhookDispatcher } from '../../../api/src/modules/webhooks/dispatcher';
import { setupApp } from '../../support/app';
import { dialect } from '../../support/database';
import { createMilestone, createWebhook, setupPlanWorld } from '../../support/fixtures';
import { WebhookReceiver } from '../../support/webhook-receiver';

// Several API processes on one PostgreSQL database (docs/domain.md#webhooks): events are fanned
// out under FOR UPDATE SKIP LOCKED and deliveries claimed with a conditional update, so however
// the dispatchers race, each event reaches each webhook once. On PostgreSQL the second dispatcher
// belongs to a second app with its own connection pool; SQLite is one process, so there the two
// dispatchers share the app's database.
const t = setupApp({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_JITTER: 'off' } });
const w = setupPlanWorld(t);
let receiver: WebhookReceiver;
let secondDb: Db | undefined;
let second: WebhookDispatcher;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  if (dialect === 'postgres') {
    secondDb = await openDatabase(t.config.database);
    second = createApp({ db: secondDb, config: t.config, clock: t.clock, logger: pino({ level: 'silent' }) }).services.webhookDispatcher;
  } else {
    second = new WebhookDispatcher({ db: t.db, config: t.config, clock: t.clock, logger: pino({ level: 'silent' }) });
  }
});
afterAll(async () => {
  await receiver.close();
  await secondDb?.close();
});

const EVENTS = 24;

test(`When two dispatchers race over ${EVENTS} events for two webhooks, then every event reaches each webhook exactly once`, async () => {
  await createWebhook(t, w.lead.token, w.planId, { url: receiver.url('/a') });
  await createWebhook(t, w.lead.token, w.planId, { url: receiver.url('/b') });
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const ms = await createMilestone(t, w.lead.token, w.planId, { title: `Step ${i}`, status: 'done' });
    ids.push(ms.id);
  }
  const first = t.services.webhookDispatcher;
  const now = t.clock.now();
  const rounds = await Promise.all([first.dispatchDue(now), second.dispatchDue(now), first.dispatchDue(now), second.dispatchDue(now)]);

  expect(rounds.reduce((sum, r) => sum + r.fannedOut, 0)).toBe(EVENTS);
  expect(rounds.reduce((sum, r) => sum + r.attempted, 0)).toBe(2 * EVENTS);
  for (const path of ['/a', '/b']) {
    const got = receiver.at(path);
    const milestones = got.map((r) => (JSON.parse(r.body) as { data: { milestone: { id: string } } }).data.milestone.id);
    expect(milestones.sort()).toEqual([...ids].sort());
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(EVENTS);
  }
  const count = async (sql: string) => Number((await t.db.read((m) => m.query(sql)))[0].n);
  expect(await count(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE state = 'delivered' AND attempt_count = 1`)).toBe(2 * EVENTS);
  expect(await count('SELECT COUNT(*) AS n FROM outbox_events WHERE dispatched_at IS NULL')).toBe(0);
  const listed = await t.as(w.lead.token).get(pathTo(ROUTES.webhooks, { planId: w.planId }));
  expect(listed.body.total).toBe(2);
});
