import type { Page, Webhook, WebhookEventType, WebhookFormat } from '@handover/shared';
import type { Tx } from '../data-source';
import { WebhookEntity } from '../entities/webhook.entity';
import { findInPlan, pageFrom, updateIfVersion } from './common';

/** A webhook as stored, secrets included: never answered as is (see toWebhook in the service). */
export type StoredWebhook = Omit<Webhook, 'previousSecretUntil'> & {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: string | null;
};

const toStored = (row: WebhookEntity): StoredWebhook => ({
  id: row.id,
  planId: row.planId,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventType[],
  format: row.format as WebhookFormat,
  active: Boolean(row.active),
  secret: row.secret,
  previousSecret: row.previousSecret ?? null,
  previousSecretUntil: row.previousSecretUntil ?? null,
  version: Number(row.version),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const toRow = (w: StoredWebhook): Omit<WebhookEntity, 'plan'> => ({ ...w, events: JSON.stringify(w.events) });

export async function findWebhook(m: Tx, planId: string, id: string): Promise<StoredWebhook> {
  return toStored(await findInPlan(m, WebhookEntity, planId, id, 'webhook'));
}

/** The webhook by id in any plan, or null (the dispatcher's read; it may have been deleted meanwhile). */
export async function findWebhookById(m: Tx, id: string): Promise<StoredWebhook | null> {
  const row = await m.getRepository(WebhookEntity).findOne({ where: { id } });
  return row ? toStored(row) : null;
}

export function listWebhooks(m: Tx, planId: string, q: { limit: number; offset: number }): Promise<Page<StoredWebhook>> {
  const qb = m
    .getRepository(WebhookEntity)
    .createQueryBuilder('w')
    .where('w.plan_id = :planId', { planId })
    .orderBy('w.created_at', 'ASC')
    .addOrderBy('w.id', 'ASC');
  return pageFrom(qb, q, toStored);
}

/** The active webhooks of these plans, for fanning events out. */
export async function activeWebhooksOf(m: Tx, planIds: string[]): Promise<StoredWebhook[]> {
  if (planIds.length === 0) return [];
  const rows = await m
    .getRepository(WebhookEntity)
    .createQueryBuilder('w')
    .where('w.plan_id IN (:...planIds)', { planIds })
    .andWhere('w.active = :active', { active: true })
    .orderBy('w.created_at', 'ASC')
    .addOrderBy('w.id', 'ASC')
    .getMany();
  return rows.map(toStored);
}

export async function insertWebhook(m: Tx, w: StoredWebhook): Promise<void> {
  await m.getRepository(WebhookEntity).insert(toRow(w));
}

export function updateWebhookIfVersion(m: Tx, w: StoredWebhook, version: number): Promise<boolean> {
  const { id, planId, createdAt: _c, ...set } = toRow(w);
  return updateIfVersion(m, WebhookEntity, { id, planId }, version, set);
}

export async function deleteWebhook(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(WebhookEntity).delete({ id, planId });
}
