import { pathTo, ROUTES, type WebhookDelivery } from '@handover/shared';
import type { ResolvedAddress } from '../../../api/src/modules/webhooks/address-guard';
import { setupApp } from '../../support/app';
import { createMilestone, createWebhook, setupPlanWorld } from '../../support/fixtures';
import { WebhookReceiver } from '../../support/webhook-receiver';

// The address guard again at delivery time (docs/domain.md#webhooks): private targets not allowed,
// a host name that resolved to a public address when the webhook was saved and now resolves to
// loopback (DNS rebinding) is refused at the attempt, and nothing reaches the local receiver.
const t = setupApp({ env: { WEBHOOK_RETRY_JITTER: 'off', WEBHOOK_RETRY_SCHEDULE: '10s/15s' } });
const w = setupPlanWorld(t);
let receiver: WebhookReceiver;
let answer: ResolvedAddress[] = [{ address: '93.184.215.14', family: 4 }];
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  t.services.webhookDispatcher.options.resolver = async () => answer;
});
afterAll(async () => receiver.close());

test('When a webhook host name resolves to loopback at delivery time, then the attempt is refused without a connection and retried, then failed', async () => {
  const hook = await createWebhook(t, w.lead.token, w.planId, { url: `http://rebind.example.test:${receiver.port}/hook` });
  expect(hook.url).toBe(`http://rebind.example.test:${receiver.port}/hook`);
  answer = [{ address: '127.0.0.1', family: 4 }];

  const ms = await createMilestone(t, w.lead.token, w.planId);
  await t.as(w.lead.token).patch(pathTo(ROUTES.milestone, { planId: w.planId, milestoneId: ms.id })).set('If-Match', '"1"').send({ status: 'done' }).expect(200);
  expect(await t.services.webhookDispatcher.dispatchDue(t.clock.now())).toMatchObject({ fannedOut: 1, attempted: 1, delivered: 0 });
  t.clock.advance(10_000);
  await t.services.webhookDispatcher.dispatchDue(t.clock.now());

  const res = await t.as(w.lead.token).get(pathTo(ROUTES.webhookDeliveries, { planId: w.planId, webhookId: hook.id }));
  const [d] = res.body.items as WebhookDelivery[];
  expect(d!.state).toBe('failed');
  expect(d!.attempts).toHaveLength(2);
  for (const attempt of d!.attempts) {
    expect(attempt).toMatchObject({ status: null, ok: false });
    expect(attempt.error).toMatch(/^target refused: rebind\.example\.test resolves to 127\.0\.0\.1 \(loopback\)/);
  }
  expect(receiver.received).toEqual([]);
});
