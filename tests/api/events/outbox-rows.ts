import type { WebhookEnvelope, WebhookEventType } from '@handover/shared';
import type { TestApp } from '../../support/app';

/** The events a plan's outbox holds, oldest first, optionally of one type (docs/domain.md#webhooks). */
export async function eventsOf<T extends WebhookEventType>(t: TestApp, planId: string, type?: T): Promise<Array<WebhookEnvelope<T>>> {
  const rows: Array<{ payload: string }> = await t.db.read((m) =>
    m.query(`SELECT payload FROM outbox_events WHERE plan_id = ${t.db.param(1)} ORDER BY created_at, id`, [planId]),
  );
  const all = rows.map((r) => JSON.parse(r.payload) as WebhookEnvelope);
  return (type ? all.filter((e) => e.type === type) : all) as Array<WebhookEnvelope<T>>;
}
