import { EventEmitter } from 'node:events';
import type { WebhookEventData, WebhookEventType } from '@handover/shared';
import { newId } from '../../core/ids';
import { afterCommit } from '../../db/after-commit';
import type { Tx } from '../../db/data-source';
import { insertOutboxEvent } from '../../db/repositories/outbox.repository';
import { findPlan } from '../../db/repositories/plans.repository';
import { envelope } from '../webhooks/payloads';

/**
 * Told after every commit that wrote an outbox event, so a running dispatcher delivers at once
 * instead of at its next poll (docs/domain.md#webhooks). Process-wide: a kick is only a hint, and a
 * dispatcher that finds nothing new does nothing.
 */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(0);
export const OUTBOX_RECORDED = 'recorded';

/** An event's data without its plan: recordEvent adds `plan: {id, name}` itself. */
export type EventInput<T extends WebhookEventType> = Omit<WebhookEventData<T>, 'plan'>;

/**
 * Write an event to the outbox inside the transaction `m` of the change it reports, so the event
 * exists if and only if the change committed; it is delivered after the commit. `at` is when it
 * happened (pass the service's clock time; the wall clock otherwise). `data` is checked against the
 * event's schema, so a wrong shape fails the change rather than reaching a receiver.
 *
 *   await recordEvent(m, ctx.planId, 'milestone.completed', { milestone, actor }, now);
 */
export async function recordEvent<T extends WebhookEventType>(
  m: Tx,
  planId: string,
  type: T,
  data: EventInput<T>,
  at: Date | string = new Date(),
): Promise<void> {
  const plan = await findPlan(m, planId);
  const occurredAt = typeof at === 'string' ? new Date(at) : at;
  const body = envelope(type, occurredAt, { ...data, plan: { id: plan.id, name: plan.name } } as WebhookEventData<T>);
  await insertOutboxEvent(m, { id: newId(), planId, type, payload: JSON.stringify(body), createdAt: occurredAt.toISOString() });
  afterCommit(m, () => outboxSignal.emit(OUTBOX_RECORDED));
}

/** The actor of an event from a request's user. */
export const actorOf = (user: { id: string; name: string }) => ({ id: user.id, name: user.name });
