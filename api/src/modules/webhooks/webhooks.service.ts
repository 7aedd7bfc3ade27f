import type {
  CreateWebhookSchema,
  Page,
  PageQuery,
  UpdateWebhookSchema,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryState,
  WebhookWithSecret,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, notFound, unprocessable } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { afterCommit } from '../../db/after-commit';
import { findDelivery, listDeliveries, requeueDelivery, toDelivery } from '../../db/repositories/outbox.repository';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listWebhooks,
  updateWebhookIfVersion,
  type StoredWebhook,
} from '../../db/repositories/webhooks.repository';
import type { ActivityService } from '../activity/activity.service';
import { diff } from '../activity/activity.service';
import type { Deps } from '../deps';
import { OUTBOX_RECORDED, outboxSignal } from '../outbox/outbox';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';
import { checkTarget } from './address-guard';
import type { DispatchOptions } from './dispatcher';
import { listedUrl } from './payloads';
import { ROTATION_WINDOW_MS, generateSecret } from './signing';

/** How long a create or edit waits for DNS before accepting the name as it is. */
const CREATE_DNS_MS = 2_000;

/** What a caller sees of a webhook: no secret, and a Slack URL (itself a credential) masked. */
export function toWebhook(w: StoredWebhook, now: Date): Webhook {
  const { secret: _s, previousSecret: _p, previousSecretUntil, url, ...rest } = w;
  const stillSigning = previousSecretUntil !== null && Date.parse(previousSecretUntil) > now.getTime();
  return { ...rest, url: listedUrl(w.format, url), previousSecretUntil: stillSigning ? previousSecretUntil : null };
}

/** What the activity log keeps of a webhook: never its secret, its URL as listed. */
const logged = (w: StoredWebhook) => ({ url: listedUrl(w.format, w.url), events: w.events, format: w.format, active: w.active });

/** Webhooks of a plan and their deliveries (docs/domain.md#webhooks). */
export class WebhooksService extends ResourceService {
  constructor(
    deps: Deps,
    activity: ActivityService,
    /** Shared with the dispatcher, so a test's resolver checks targets here too. */
    private readonly net: DispatchOptions,
  ) {
    super(deps, activity);
  }

  list(ctx: PlanCtx, q: PageQuery): Promise<Page<Webhook>> {
    const now = this.deps.clock.now();
    return this.deps.db.read(async (m) => {
      const page = await listWebhooks(m, ctx.planId, q);
      return { ...page, items: page.items.map((w) => toWebhook(w, now)) };
    });
  }

  get(ctx: PlanCtx, id: string): Promise<Webhook> {
    return this.deps.db.read(async (m) => toWebhook(await findWebhook(m, ctx.planId, id), this.deps.clock.now()));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateWebhookSchema>): Promise<WebhookWithSecret> {
    await this.assertTarget(input.url);
    return this.write(ctx, async (m) => {
      const now = this.deps.clock.now();
      const hook: StoredWebhook = {
        id: newId(),
        planId: ctx.planId,
        url: input.url,
        events: input.events,
        format: input.format,
        active: input.active,
        secret: generateSecret(),
        previousSecret: null,
        previousSecretUntil: null,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await insertWebhook(m, hook);
      await this.activity.log(m, ctx, 'create', 'webhook', hook.id, logged(hook));
      return { ...toWebhook(hook, now), secret: hook.secret };
    });
  }

  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateWebhookSchema>): Promise<Webhook> {
    if (input.url !== undefined) await this.assertTarget(input.url);
    return this.write(ctx, async (m) => {
      const before = await findWebhook(m, ctx.planId, id);
      assertVersion(before, version);
      const now = this.deps.clock.now();
      const after = await writeIfVersion(
        { ...before, ...definedOf(input), version: version + 1, updatedAt: now.toISOString() },
        version,
        (next, v) => updateWebhookIfVersion(m, next, v),
        () => findWebhook(m, ctx.planId, id),
      );
      await this.activity.log(m, ctx, 'update', 'webhook', id, diff(logged(before), logged(after)));
      return toWebhook(after, now);
    });
  }

  async remove(ctx: PlanCtx, id: string, version: number | undefined): Promise<void> {
    await this.write(ctx, async (m) => {
      const row = await findWebhook(m, ctx.planId, id);
      assertVersion(row, version);
      await deleteWebhook(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'webhook', id, logged(row));
    });
  }

  /** A new secret, shown once; the old one keeps signing beside it for ROTATION_WINDOW_MS. */
  async rotateSecret(ctx: PlanCtx, id: string, version: number | undefined): Promise<WebhookWithSecret> {
    return this.write(ctx, async (m) => {
      const before = await findWebhook(m, ctx.planId, id);
      assertVersion(before, version);
      const now = this.deps.clock.now();
      const after = await writeIfVersion(
        {
          ...before,
          secret: generateSecret(),
          previousSecret: before.secret,
          previousSecretUntil: new Date(now.getTime() + ROTATION_WINDOW_MS).toISOString(),
          version: before.version + 1,
          updatedAt: now.toISOString(),
        },
        before.version,
        (next, v) => updateWebhookIfVersion(m, next, v),
        () => findWebhook(m, ctx.planId, id),
      );
      await this.activity.log(m, ctx, 'rotate-secret', 'webhook', id, { previousSecretUntil: after.previousSecretUntil });
      return { ...toWebhook(after, now), secret: after.secret };
    });
  }

  listDeliveries(ctx: PlanCtx, webhookId: string, q: PageQuery & { state?: WebhookDeliveryState }): Promise<Page<WebhookDelivery>> {
    return this.deps.db.read(async (m) => {
      await findWebhook(m, ctx.planId, webhookId);
      return listDeliveries(m, webhookId, q);
    });
  }

  /** Queue a finished delivery again, due now, with a fresh retry window; its `webhook-id` stays. */
  async redeliver(ctx: PlanCtx, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    return this.write(ctx, async (m) => {
      await findWebhook(m, ctx.planId, webhookId);
      const delivery = await findDelivery(m, deliveryId);
      if (!delivery || delivery.webhookId !== webhookId) throw notFound('delivery');
      if (delivery.state === 'pending') throw conflict('This delivery is still pending: it will be attempted again on its own.');
      const at = this.deps.clock.now().toISOString();
      await requeueDelivery(m, deliveryId, at);
      await this.activity.log(m, ctx, 'redeliver', 'webhook', webhookId, { deliveryId, eventType: delivery.eventType, state: { from: delivery.state, to: 'pending' } });
      afterCommit(m, () => outboxSignal.emit(OUTBOX_RECORDED));
      return toDelivery({ ...delivery, state: 'pending', nextAttemptAt: at, firstAttemptAt: null });
    });
  }

  /**
   * 422 for a URL whose host is, or resolves to, an address webhooks may not post to. A name that
   * does not resolve now (or not within CREATE_DNS_MS) is accepted: it is checked again, with DNS,
   * at every delivery.
   */
  private async assertTarget(url: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CREATE_DNS_MS)));
    try {
      const target = await Promise.race([checkTarget(url, { resolver: this.net.resolver, allowPrivate: this.deps.config.webhookAllowPrivate }), slow]);
      if (target && !target.ok && target.reason !== 'unresolvable') throw unprocessable([{ path: 'url', message: target.message }]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function definedOf<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
