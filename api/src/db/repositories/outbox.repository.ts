import type { Page, WebhookAttempt, WebhookDelivery, WebhookDeliveryState, WebhookEventType } from '@handover/shared';
import type { Db, Tx } from '../data-source';
import { OutboxEventEntity, WebhookDeliveryEntity } from '../entities/webhook.entity';
import { claimRow, dueClaimableIds, writeUnderClaim } from './claims';
import { pageFrom } from './common';

// The outbox and its deliveries (docs/domain.md#webhooks): events in, deliveries out, claims between.

export type OutboxEvent = { id: string; planId: string; type: WebhookEventType; payload: string; createdAt: string };

export async function insertOutboxEvent(m: Tx, event: OutboxEvent): Promise<void> {
  await m.getRepository(OutboxEventEntity).insert({ ...event, dispatchedAt: null });
}

export async function findOutboxEvent(m: Tx, id: string): Promise<OutboxEvent | null> {
  const row = await m.getRepository(OutboxEventEntity).findOne({ where: { id } });
  return row ? { id: row.id, planId: row.planId, type: row.type as WebhookEventType, payload: row.payload, createdAt: row.createdAt } : null;
}

/**
 * Up to `limit` events not yet fanned out, oldest first, locked for this transaction. On PostgreSQL
 * `FOR UPDATE SKIP LOCKED`: a second process fanning out at the same moment takes other rows, never
 * these. SQLite has one writer at a time already.
 */
export async function lockUndispatchedEvents(db: Db, m: Tx, limit: number): Promise<OutboxEvent[]> {
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows = await db.rows(
    m,
    `SELECT id AS id, plan_id AS plan_id, type AS type, created_at AS created_at FROM outbox_events
     WHERE dispatched_at IS NULL ORDER BY created_at, id LIMIT ${db.param(1)}${lock}`,
    [limit],
  );
  return rows.map(([id, planId, type, createdAt]) => ({
    id: id as string,
    planId: planId as string,
    type: type as WebhookEventType,
    payload: '',
    createdAt: createdAt as string,
  }));
}

export async function markDispatched(m: Tx, ids: string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await m
    .getRepository(OutboxEventEntity)
    .createQueryBuilder()
    .update()
    .set({ dispatchedAt: at })
    .where('id IN (:...ids)', { ids })
    .execute();
}

export type NewDelivery = { id: string; planId: string; webhookId: string; eventId: string; eventType: WebhookEventType; at: string };

export async function insertDeliveries(m: Tx, deliveries: NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await m.getRepository(WebhookDeliveryEntity).insert(
    deliveries.map((d) => ({
      id: d.id,
      planId: d.planId,
      webhookId: d.webhookId,
      eventId: d.eventId,
      eventType: d.eventType,
      state: 'pending',
      attemptCount: 0,
      attempts: '[]',
      firstAttemptAt: null,
      nextAttemptAt: d.at,
      lastStatus: null,
      lastError: null,
      claimToken: null,
      claimedUntil: null,
      createdAt: d.at,
      updatedAt: d.at,
    })),
  );
}

/** Ids of pending deliveries due at `now` that no live claim holds, soonest first. */
export const dueDeliveryIds = (db: Db, m: Tx, now: string, limit: number): Promise<string[]> => dueClaimableIds(db, m, 'webhook_deliveries', now, limit);

/** Claim one delivery for this dispatcher (see claimRow); true when this caller now holds it until `until`. */
export const claimDelivery = (m: Tx, id: string, token: string, now: string, until: string): Promise<boolean> => claimRow(m, WebhookDeliveryEntity, id, token, now, until);

export type StoredDelivery = {
  id: string;
  planId: string;
  webhookId: string;
  eventId: string;
  eventType: WebhookEventType;
  state: WebhookDeliveryState;
  attemptCount: number;
  attempts: WebhookAttempt[];
  firstAttemptAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
};

const toStored = (row: WebhookDeliveryEntity): StoredDelivery => ({
  id: row.id,
  planId: row.planId,
  webhookId: row.webhookId,
  eventId: row.eventId,
  eventType: row.eventType as WebhookEventType,
  state: row.state as WebhookDeliveryState,
  attemptCount: Number(row.attemptCount),
  attempts: JSON.parse(row.attempts) as WebhookAttempt[],
  firstAttemptAt: row.firstAttemptAt ?? null,
  nextAttemptAt: row.nextAttemptAt ?? null,
  createdAt: row.createdAt,
});

/** The answer shape: the `webhook-id` header is the delivery's id, the same for every attempt. */
export const toDelivery = (d: StoredDelivery): WebhookDelivery => ({
  id: d.id,
  webhookId: d.webhookId,
  messageId: d.id,
  eventType: d.eventType,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.state === 'pending' ? d.nextAttemptAt : null,
  createdAt: d.createdAt,
});

export async function findDelivery(m: Tx, id: string): Promise<StoredDelivery | null> {
  const row = await m.getRepository(WebhookDeliveryEntity).findOne({ where: { id } });
  return row ? toStored(row) : null;
}

/** A webhook's deliveries, newest first. */
export function listDeliveries(m: Tx, webhookId: string, q: { limit: number; offset: number; state?: WebhookDeliveryState }): Promise<Page<WebhookDelivery>> {
  const qb = m.getRepository(WebhookDeliveryEntity).createQueryBuilder('d').where('d.webhook_id = :webhookId', { webhookId });
  if (q.state) qb.andWhere('d.state = :state', { state: q.state });
  qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC');
  return pageFrom(qb, q, (row) => toDelivery(toStored(row)));
}

/** The attempts a delivery lists: the latest this many (a 30-day window of 6-hourly retries makes over 100). */
export const MAX_ATTEMPTS_KEPT = 50;

export type AttemptOutcome = {
  attempt: WebhookAttempt;
  state: WebhookDeliveryState;
  firstAttemptAt: string;
  nextAttemptAt: string | null;
};

/** The result of an attempt, written only while this dispatcher's claim still holds; false when it lapsed. */
export function recordAttempt(m: Tx, d: StoredDelivery, token: string, outcome: AttemptOutcome, now: string): Promise<boolean> {
  return writeUnderClaim(m, WebhookDeliveryEntity, d.id, token, {
    state: outcome.state,
    attemptCount: d.attemptCount + 1,
    attempts: JSON.stringify([...d.attempts, outcome.attempt].slice(-MAX_ATTEMPTS_KEPT)),
    firstAttemptAt: outcome.firstAttemptAt,
    nextAttemptAt: outcome.nextAttemptAt,
    lastStatus: outcome.attempt.status,
    lastError: outcome.attempt.error,
  }, now);
}

/** Back to pending, due at `at`, with a fresh retry window; the attempts so far are kept. */
export async function requeueDelivery(m: Tx, id: string, at: string): Promise<void> {
  await m
    .getRepository(WebhookDeliveryEntity)
    .update({ id }, { state: 'pending', nextAttemptAt: at, firstAttemptAt: null, claimToken: null, claimedUntil: null, updatedAt: at });
}

/** The soonest moment a pending delivery can be claimed (due, and any claim on it lapsed), for the dispatcher's timer; or null. */
export async function nextDueAt(db: Db, m: Tx): Promise<string | null> {
  const rows = await db.rows(
    m,
    `SELECT MIN(CASE WHEN claimed_until IS NOT NULL AND claimed_until > next_attempt_at THEN claimed_until ELSE next_attempt_at END) AS next_at
     FROM webhook_deliveries WHERE state = 'pending'`,
  );
  return (rows[0]?.[0] as string | null | undefined) ?? null;
}

/**
 * Forget events created before `cutoff` with their deliveries (the log of old deliveries), unless
 * one is still to be fanned out or attempted.
 */
export async function purgeOutbox(db: Db, m: Tx, cutoff: string): Promise<number> {
  const p = (i: number) => db.param(i);
  const old = await db.rows(
    m,
    `SELECT e.id AS id FROM outbox_events e WHERE e.created_at < ${p(1)} AND e.dispatched_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.state = 'pending')`,
    [cutoff],
  );
  const ids = old.map(([id]) => id as string);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await m.getRepository(WebhookDeliveryEntity).createQueryBuilder().delete().where('event_id IN (:...chunk)', { chunk }).execute();
    await m.getRepository(OutboxEventEntity).createQueryBuilder().delete().where('id IN (:...chunk)', { chunk }).execute();
  }
  return ids.length;
}
