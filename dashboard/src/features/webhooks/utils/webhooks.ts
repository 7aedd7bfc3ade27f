import type { CreateWebhook, UpdateWebhook, Webhook, WebhookAttempt, WebhookDelivery, WebhookEventType, WebhookFormat } from '@handover/shared';

export type WebhookFormValues = { url: string; events: WebhookEventType[]; format: WebhookFormat; active: boolean };

export const emptyWebhookValues = (): WebhookFormValues => ({ url: '', events: [], format: 'standard', active: true });

/** A listed Slack URL is masked by the server: the edit form starts blank and keeps the URL unless one is typed. */
export const webhookToValues = (w: Webhook): WebhookFormValues => ({
  url: w.format === 'slack' ? '' : w.url,
  events: [...w.events],
  format: w.format,
  active: w.active,
});

// A checkbox group that is unticked reads as `false` in react-hook-form; the schema wants an array.
const eventsOf = (events: WebhookFormValues['events'] | false | undefined) => (Array.isArray(events) ? events : []);

export const toCreateWebhook = (v: WebhookFormValues): CreateWebhook => ({ url: v.url.trim(), events: eventsOf(v.events), format: v.format, active: v.active });

/** Only what changed, so an edit never sends back a masked URL. */
export function toUpdateWebhook(v: WebhookFormValues, before: Webhook): UpdateWebhook {
  const body: UpdateWebhook = {};
  const url = v.url.trim();
  if (url !== '' && url !== before.url) body.url = url;
  const events = eventsOf(v.events);
  if (events.length !== before.events.length || events.some((e) => !before.events.includes(e))) body.events = events;
  if (v.format !== before.format) body.format = v.format;
  if (v.active !== before.active) body.active = v.active;
  return body;
}

/** One attempt in a sentence: the status answered, or why none came. */
export function attemptText(a: WebhookAttempt): string {
  const answer = a.status === null ? 'no answer' : `HTTP ${a.status}`;
  return a.error ? `${answer}: ${a.error}` : answer;
}

export const DELIVERY_STATE_LABELS: Record<WebhookDelivery['state'], string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };
