import {
  EXIT_ITEM_STATUS_LABELS,
  GATE_LABELS,
  LADDER_LABELS,
  PHASE_LABELS,
  WebhookEventDataSchemas,
  type WebhookEnvelope,
  type WebhookEventData,
  type WebhookEventType,
  type WebhookFormat,
} from '@handover/shared';
import { dashboardLink } from '../notify/links';

/**
 * The body of an event: `{type, timestamp, data}` as Standard Webhooks recommends, with `data`
 * checked against its event's schema so an emitter cannot send a shape the docs do not promise.
 */
export function envelope<T extends WebhookEventType>(type: T, occurredAt: Date, data: WebhookEventData<T>): WebhookEnvelope<T> {
  const parsed = WebhookEventDataSchemas[type].parse(data);
  return { type, timestamp: occurredAt.toISOString(), data: parsed } as WebhookEnvelope<T>;
}

/** What one event says to a person: a headline and optional detail lines, as plain (unescaped) text. */
export type EventText = { headline: string; details: string[] };

const ladder = (status: string) => (status in LADDER_LABELS ? LADDER_LABELS[status as keyof typeof LADDER_LABELS] : status);
const percent = (share: number) => `${Math.round(share * 100)}%`;

export function describeEvent(event: WebhookEnvelope): EventText {
  switch (event.type) {
    case 'milestone.completed': {
      const m = event.data.milestone;
      return { headline: `Milestone completed: ${m.title}`, details: [`${PHASE_LABELS[m.phase]}, due ${m.dueDate}`] };
    }
    case 'milestone.overdue': {
      const m = event.data.milestone;
      return { headline: `Milestone overdue: ${m.title}`, details: [`${PHASE_LABELS[m.phase]}, was due ${m.dueDate}`] };
    }
    case 'handover.transitioned': {
      const { handover, from, to, note } = event.data;
      return { headline: `Handover moved: ${handover.title}, ${ladder(from)} → ${ladder(to)}`, details: note ? [note] : [] };
    }
    case 'handover.accepted':
      return { headline: `Handover accepted: ${event.data.handover.title}`, details: [] };
    case 'gate.changed': {
      const { key, to, detail } = event.data;
      return { headline: `${to ? 'Exit gate met' : 'Exit gate reopened'}: ${GATE_LABELS[key]}`, details: [detail] };
    }
    case 'snapshot.created': {
      const s = event.data.snapshot;
      const what = s.kind === 'weekly' && s.weekStart ? `Weekly status for the week of ${s.weekStart}` : s.kind === 'final' ? 'Final status' : 'Status snapshot';
      return { headline: `${what}: readiness ${percent(s.readiness)}`, details: s.rag ? [`Status: ${s.rag}`] : [] };
    }
    case 'import.completed': {
      const i = event.data.import;
      return { headline: `Posts imported: ${i.inserted} new, ${i.duplicates} already there`, details: [] };
    }
    case 'exit.item_changed': {
      const { item, from, to, note } = event.data;
      return {
        headline: `Exit item moved: ${item.name}, ${EXIT_ITEM_STATUS_LABELS[from]} → ${EXIT_ITEM_STATUS_LABELS[to]}`,
        details: note ? [note] : [],
      };
    }
    case 'plan.exited': {
      const { unmetGates, overrideReason } = event.data;
      const details = unmetGates.length
        ? [`Ended with gates still open: ${unmetGates.map((g) => GATE_LABELS[g]).join(', ')}`, ...(overrideReason ? [`Reason: ${overrideReason}`] : [])]
        : [];
      return { headline: 'The agency exit is done', details };
    }
  }
}

/** The dashboard page an event is about (the overview unless a page lists that kind of thing). */
const PAGE_OF: Partial<Record<WebhookEventType, string>> = {
  'milestone.completed': 'milestones',
  'milestone.overdue': 'milestones',
  'handover.transitioned': 'handovers',
  'handover.accepted': 'handovers',
  'import.completed': 'posts',
};

/** Slack treats `&`, `<` and `>` as control characters (links, mentions such as <!channel>). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type SlackText = { type: 'mrkdwn'; text: string };
export type SlackMessage = {
  /** The notification and fallback text. */
  text: string;
  blocks: Array<{ type: 'section'; text: SlackText } | { type: 'context'; elements: SlackText[] }>;
};

/** An incoming-webhook message: plain sentences, every piece of plan text escaped. */
export function slackMessage(event: WebhookEnvelope, options: { publicUrl?: string } = {}): SlackMessage {
  const { headline, details } = describeEvent(event);
  const plan = event.data.plan;
  const text = `${escapeSlack(plan.name)}: ${escapeSlack(headline)}`;
  const body = [`*${escapeSlack(plan.name)}*`, escapeSlack(headline), ...details.map(escapeSlack)].join('\n');
  const blocks: SlackMessage['blocks'] = [{ type: 'section', text: { type: 'mrkdwn', text: body } }];
  const link = dashboardLink(options.publicUrl, plan.id, PAGE_OF[event.type]);
  if (link) {
    // `|` and `>` would end the link early; a URL never needs them raw.
    const safe = escapeSlack(link.replace(/[|<>]/g, (c) => encodeURIComponent(c)));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${safe}|Open in Handover>` }] });
  }
  return { text, blocks };
}

/** The request body for a webhook of the given format. */
export function requestBody(format: WebhookFormat, event: WebhookEnvelope, options: { publicUrl?: string } = {}): string {
  return JSON.stringify(format === 'slack' ? slackMessage(event, options) : event);
}

/**
 * An incoming-webhook URL is itself the credential, so it is listed as its origin and first path
 * segment only: `https://hooks.slack.com/services/T000/B000/XXXX` → `https://hooks.slack.com/services/****`.
 */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const first = url.pathname.split('/').find((segment) => segment !== '');
    return `${url.protocol}//${url.host}/${first ? `${first}/` : ''}****`;
  } catch {
    return '****';
  }
}

/** The URL as a listing shows it: Slack URLs masked, others as saved. */
export function listedUrl(format: WebhookFormat, url: string): string {
  return format === 'slack' ? maskWebhookUrl(url) : url;
}
