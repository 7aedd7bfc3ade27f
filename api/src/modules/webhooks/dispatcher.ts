import { WebhookEnvelopeSchema, type WebhookAttempt } from '@handover/shared';
import { newId } from '../../core/ids';
import {
  activeWebhooksOf,
  findWebhookById,
  type StoredWebhook,
} from '../../db/repositories/webhooks.repository';
import {
  claimDelivery,
  dueDeliveryIds,
  findDelivery,
  findOutboxEvent,
  insertDeliveries,
  lockUndispatchedEvents,
  markDispatched,
  nextDueAt,
  purgeOutbox,
  recordAttempt,
  type NewDelivery,
  type StoredDelivery,
} from '../../db/repositories/outbox.repository';
import type { Deps } from '../deps';
import { claimDue, JobLoop } from '../job-loop';
import { OUTBOX_RECORDED, outboxSignal } from '../outbox/outbox';
import type { Resolver } from './address-guard';
import { deliver, type DeliveryResult } from './deliver';
import { requestBody } from './payloads';
import { configuredRetrySchedule, nextAttemptAt, type RetrySchedule } from './retry-schedule';
import { activeSecrets, signatureHeaders } from './signing';

/** Events fanned out per transaction, deliveries claimed per round, attempts in flight at once. */
const FAN_OUT_BATCH = 100;
const CLAIM_BATCH = 20;
const PARALLEL = 4;
/** How long a claim holds: longer than an attempt can take (10 s), so only a dead claimer's lapses. */
const CLAIM_MS = 60_000;
/** The longest the timer sleeps: other processes' events and retries are found within this. */
const POLL_MS = 5_000;
/** Never sooner than this: a due row another process holds must not spin this one. */
const MIN_WAIT_MS = 100;
const SNIPPET = 1024;
/** How long events and their delivery log are kept once nothing is left to do for them. */
export const OUTBOX_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/** What the dispatcher may be given beyond Deps: tests swap the resolver to test the guard without a network. */
export type DispatchOptions = { resolver?: Resolver };

export type DispatchResult = { fannedOut: number; attempted: number; delivered: number };

/**
 * Delivers the outbox (docs/domain.md#webhooks): fans each new event out into one delivery per
 * active webhook of its plan that subscribes to it, then attempts the deliveries that are due,
 * retrying on the schedule. Runs after each commit that wrote an event (a kick) and on a timer
 * while started; `dispatchDue(now)` runs one pass for tests. Several processes on one PostgreSQL
 * database deliver each attempt once: events are taken with `FOR UPDATE SKIP LOCKED`, deliveries
 * with a conditional claim.
 */
export class WebhookDispatcher {
  readonly options: DispatchOptions = {};
  private readonly schedule: RetrySchedule;
  private readonly loop: JobLoop;

  constructor(private readonly deps: Deps) {
    this.schedule = configuredRetrySchedule(deps.config.webhookRetrySchedule);
    this.loop = new JobLoop(deps, {
      pass: (now) => this.dispatchDue(now),
      wait: () => this.nextWait(),
      signal: outboxSignal,
      event: OUTBOX_RECORDED,
      failure: 'webhook dispatch failed; retrying at the next poll',
    });
  }

  /** Start the kick listener and the timer (server.ts; not when SCHEDULER=off). */
  start(): void {
    this.loop.start();
  }

  /** Stop taking new work and wait for the pass in flight (graceful shutdown). */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Run a pass soon; passes never overlap within a process (a kick during one runs another after it). */
  kick(): void {
    this.loop.kick();
  }

  /** Sleep until the next pending delivery falls due, at most POLL_MS. */
  private async nextWait(): Promise<number> {
    try {
      const next = await this.deps.db.read((m) => nextDueAt(this.deps.db, m));
      if (next !== null) return Math.min(POLL_MS, Math.max(MIN_WAIT_MS, Date.parse(next) - this.deps.clock.now().getTime()));
    } catch {
      // The database may be closing; poll as usual.
    }
    return POLL_MS;
  }

  /** One pass at `now`: fan out every new event, then attempt every delivery due. */
  async dispatchDue(now: Date): Promise<DispatchResult> {
    const result: DispatchResult = { fannedOut: 0, attempted: 0, delivered: 0 };
    for (;;) {
      const n = await this.fanOut(now);
      result.fannedOut += n;
      if (n < FAN_OUT_BATCH) break;
    }
    for (;;) {
      const claimed = await claimDue(this.deps.db, { dueIds: dueDeliveryIds, claim: claimDelivery }, now, CLAIM_BATCH, CLAIM_MS);
      if (claimed.length === 0) break;
      for (let i = 0; i < claimed.length; i += PARALLEL) {
        const outcomes = await Promise.all(claimed.slice(i, i + PARALLEL).map(([id, token]) => this.attempt(id, token, now)));
        result.attempted += outcomes.filter((o) => o !== null).length;
        result.delivered += outcomes.filter((o) => o === 'delivered').length;
      }
    }
    return result;
  }

  /** Housekeeping: delete events (and their deliveries) older than OUTBOX_KEEP_MS with nothing pending; how many. */
  purge(now: Date = this.deps.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - OUTBOX_KEEP_MS).toISOString();
    return this.deps.db.write((m) => purgeOutbox(this.deps.db, m, cutoff));
  }

  /** One transaction: a batch of new events becomes deliveries and is marked dispatched (all or nothing). */
  fanOut(now: Date): Promise<number> {
    const db = this.deps.db;
    const at = now.toISOString();
    return db.write(async (m) => {
      const events = await lockUndispatchedEvents(db, m, FAN_OUT_BATCH);
      const hooks = await activeWebhooksOf(m, [...new Set(events.map((e) => e.planId))]);
      const deliveries: NewDelivery[] = events.flatMap((event) =>
        hooks
          .filter((hook) => hook.planId === event.planId && hook.events.includes(event.type))
          .map((hook) => ({ id: newId(), planId: event.planId, webhookId: hook.id, eventId: event.id, eventType: event.type, at })),
      );
      await insertDeliveries(m, deliveries);
      await markDispatched(m, events.map((e) => e.id), at);
      return events.length;
    });
  }

  /** One attempt of a claimed delivery, and its result written; null when there was nothing to attempt. */
  private async attempt(id: string, token: string, now: Date): Promise<'delivered' | 'retry' | 'failed' | null> {
    const db = this.deps.db;
    const loaded = await db.read(async (m) => {
      const delivery = await findDelivery(m, id);
      if (!delivery) return null;
      const [hook, event] = await Promise.all([findWebhookById(m, delivery.webhookId), findOutboxEvent(m, delivery.eventId)]);
      return hook && event ? { delivery, hook, payload: event.payload } : null;
    });
    if (!loaded) return null; // deleted meanwhile (the delivery goes with its webhook)
    const { delivery, hook, payload } = loaded;
    const result = hook.active ? await this.send(delivery, hook, payload, now).catch(unsendable) : notSent('the webhook is inactive');
    const firstAttemptAt = delivery.firstAttemptAt ?? now.toISOString();
    const retryAt = result.ok || !hook.active
      ? null
      : nextAttemptAt(new Date(firstAttemptAt), delivery.attemptCount + 1, now, {
          jitter: this.deps.config.webhookRetryJitter,
          schedule: this.schedule,
          retryAfterMs: result.retryAfterMs,
        });
    const state = result.ok ? 'delivered' : retryAt ? 'pending' : 'failed';
    const attempt: WebhookAttempt = {
      at: now.toISOString(),
      status: result.status,
      ok: result.ok,
      error: result.error,
      durationMs: result.durationMs,
      responseSnippet: result.responseSnippet.slice(0, SNIPPET),
    };
    const written = await db.write((m) =>
      recordAttempt(m, delivery, token, { attempt, state, firstAttemptAt, nextAttemptAt: retryAt?.toISOString() ?? null }, now.toISOString()),
    );
    if (!written) this.deps.logger.warn({ deliveryId: id }, 'a webhook delivery claim lapsed before its attempt was recorded');
    if (state === 'failed') this.deps.logger.info({ deliveryId: id, webhookId: hook.id }, 'webhook delivery failed for good');
    return state === 'pending' ? 'retry' : state;
  }

  private send(delivery: StoredDelivery, hook: StoredWebhook, payload: string, now: Date): Promise<DeliveryResult> {
    const event = WebhookEnvelopeSchema.parse(JSON.parse(payload));
    const body = requestBody(hook.format, event, { publicUrl: this.deps.config.publicUrl });
    const secrets = activeSecrets(
      { current: hook.secret, previous: hook.previousSecret, previousUntil: hook.previousSecretUntil ? new Date(hook.previousSecretUntil) : null },
      now,
    );
    // Slack ignores signature headers; the URL is its secret. Standard receivers verify them, and
    // compare webhook-timestamp with their own clock: it is the wall-clock time of sending.
    const headers = hook.format === 'standard' ? signatureHeaders({ msgId: delivery.id, timestamp: new Date(), body, secrets }) : {};
    return deliver({
      url: hook.url,
      body,
      headers: { ...headers },
      resolver: this.options.resolver,
      allowPrivate: this.deps.config.webhookAllowPrivate,
      now: () => this.deps.clock.now(),
    });
  }
}

/** A body that cannot be built (an event stored by an older version that no longer parses) fails like any attempt. */
const unsendable = (error: unknown): DeliveryResult => notSent(`the event cannot be sent: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);

function notSent(why: string): DeliveryResult {
  return {
    ok: false,
    status: null,
    error: `not sent: ${why}`,
    durationMs: 0,
    responseSnippet: '',
    truncated: false,
    address: null,
    retryAfterMs: null,
  };
}
