import path from 'node:path';
import { Webhook as Verifier } from 'standardwebhooks';
import { pathTo, ROUTES, type Milestone } from '@handover/shared';
import { Client } from '../../support/client';
import { freshDatabase, type FreshDatabase } from '../../support/database';
import { createMilestone, createPlan, createWebhook } from '../../support/fixtures';
import { ROOT, ServerProcess } from '../../support/launcher';
import { WebhookReceiver } from '../../support/webhook-receiver';

// A crash between commit and delivery loses nothing (docs/domain.md#webhooks): the event is a row
// committed with the change, and a restarted server delivers it; a pending retry survives a kill
// as well. Real server processes (the API's sources through tsx) are killed with SIGKILL.
jest.setTimeout(240_000);

const ADMIN = { email: 'admin@webhooks.test', password: 'webhooks-admin-password' };
let database: FreshDatabase;
let receiver: WebhookReceiver;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await freshDatabase({ prefix: 'handover_webhooks_crash' });
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill()));
  await receiver.close();
  await database.drop();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await ServerProcess.launch({
    entry: path.join(ROOT, 'api/src/main.ts'),
    baseEnv: 'minimal',
    databaseUrl: database.url,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_JITTER: 'off', ...env },
    readyOutput: /Handover listening on/,
    startTimeoutMs: 90_000,
  });
  servers.push(server);
  return server;
}

test('When the server is killed after committing an event and again with a retry pending, then the restarted server delivers it', async () => {
  // 1. The change commits, and the process dies before any delivery (its dispatcher is off).
  let server = await start({ SCHEDULER: 'off' });
  let api = new Client(server.url);
  const token = await api.login(ADMIN);
  const plan = await createPlan(api, token);
  const hook = await createWebhook(api, token, plan.id, { url: receiver.url('/first') });
  const ms = await createMilestone(api, token, plan.id, { title: 'Survives a crash' });
  const done = await api.expect<Milestone>(200, 'PATCH', pathTo(ROUTES.milestone, { planId: plan.id, milestoneId: ms.id }), {
    token,
    body: { status: 'done' },
    headers: { 'If-Match': '"1"' },
  });
  expect((await server.kill()).signal).toBe('SIGKILL');
  expect(receiver.received).toEqual([]);

  // 2. Restarted with its dispatcher on: the event goes out, signed; the receiver fails it once, and
  // the process dies while the retry is pending.
  receiver.failNext('/first', [500]);
  server = await start({ SCHEDULER: 'on', WEBHOOK_RETRY_SCHEDULE: '3s/10m' });
  const [failed] = await receiver.waitFor('/first', 1, 60_000);
  api = new Client(server.url);
  const listing = pathTo(ROUTES.webhookDeliveries, { planId: plan.id, webhookId: hook.id });
  const seen = await api.login(ADMIN);
  // Killed once the failure is on record (a claim cut by a kill lapses too, but only after a minute).
  for (let i = 0; ; i++) {
    const page = await api.expect<{ items: Array<{ state: string; attempts: unknown[] }> }>(200, 'GET', listing, { token: seen });
    if (page.items[0]?.attempts.length === 1) break;
    if (i > 100) throw new Error('the failed attempt was never recorded');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.kill();
  expect(receiver.at('/first')).toHaveLength(1);

  // 3. Restarted again: the pending retry is made, with the same webhook-id.
  server = await start({ SCHEDULER: 'on', WEBHOOK_RETRY_SCHEDULE: '3s/10m' });
  api = new Client(server.url);
  const got = await receiver.waitFor('/first', 2, 60_000);
  const delivered = got[1]!;
  expect(delivered.headers['webhook-id']).toBe(failed!.headers['webhook-id']);
  const event = new Verifier(hook.secret).verify(delivered.body, delivered.headers as Record<string, string>) as { type: string; data: { milestone: { id: string; completedAt: string } } };
  expect(event).toMatchObject({ type: 'milestone.completed', data: { milestone: { id: ms.id, completedAt: done.completedAt } } });

  const adminToken = await api.login(ADMIN);
  const deliveries = await api.expect<{ items: Array<{ state: string; attempts: Array<{ status: number }> }> }>(
    200,
    'GET',
    listing,
    { token: adminToken },
  );
  expect(deliveries.items).toHaveLength(1);
  expect(deliveries.items[0]).toMatchObject({ state: 'delivered' });
  expect(deliveries.items[0]!.attempts.map((a) => a.status)).toEqual([500, 204]);
  // A graceful stop stops the dispatcher too.
  expect((await server.stop()).code).toBe(0);
});
