import { z } from 'zod';
import { InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema } from './common';
import { HandoverStatusSchema } from './handovers';
import { MilestoneStatusSchema, PhaseSchema } from './milestones';
import { RagSchema, SnapshotKindSchema } from './snapshots';
import { GateKeySchema } from './gates';
import { ExitItemKindSchema, ExitItemStatusSchema } from './exit';

/**
 * Every event a webhook can subscribe to, as data: the API emits these names, the dashboard lists
 * them, and each has a schema for its `data` below. Names follow Standard Webhooks: full-stop
 * delimited, `[a-z_]` segments.
 */
export const WebhookEventTypeSchema = z.enum([
  'milestone.completed',
  'milestone.overdue',
  'handover.transitioned',
  'handover.accepted',
  'gate.changed',
  'snapshot.created',
  'import.completed',
  'exit.item_changed',
  'plan.exited',
]);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;
export const WEBHOOK_EVENT_TYPES = WebhookEventTypeSchema.options;

/** What each event means, for the settings page and for messages people read. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'milestone.completed': 'A milestone is completed',
  'milestone.overdue': 'A milestone becomes overdue',
  'handover.transitioned': 'A handover moves a step',
  'handover.accepted': 'A handover is accepted',
  'gate.changed': 'An exit gate opens or closes',
  'snapshot.created': 'A status snapshot is taken',
  'import.completed': 'A post import finishes',
  'exit.item_changed': 'An exit checklist item moves',
  'plan.exited': 'The agency exit is done',
};

export const WebhookFormatSchema = z.enum(['standard', 'slack']);
export type WebhookFormat = z.infer<typeof WebhookFormatSchema>;

const PlanRefSchema = z.object({ id: UuidSchema, name: z.string() });
const ActorSchema = z.object({ id: UuidSchema, name: z.string() }).nullable();
const MilestoneRefSchema = z.object({ id: UuidSchema, title: z.string(), phase: PhaseSchema, dueDate: IsoDateSchema });
const HandoverRefSchema = z.object({ id: UuidSchema, title: z.string(), channel: z.string().nullable() });

/**
 * The `data` of each event: small on purpose (ids, names a person reads, what moved), so a
 * receiver that needs more asks the API. Every event names its plan.
 */
export const WebhookEventDataSchemas = {
  'milestone.completed': z.object({
    plan: PlanRefSchema,
    milestone: MilestoneRefSchema.extend({ weight: z.number().int(), completedAt: InstantSchema }),
    actor: ActorSchema,
  }),
  'milestone.overdue': z.object({
    plan: PlanRefSchema,
    milestone: MilestoneRefSchema.extend({ status: MilestoneStatusSchema }),
  }),
  'handover.transitioned': z.object({
    plan: PlanRefSchema,
    handover: HandoverRefSchema,
    from: HandoverStatusSchema,
    to: HandoverStatusSchema,
    note: z.string().nullable(),
    actor: ActorSchema,
  }),
  'handover.accepted': z.object({ plan: PlanRefSchema, handover: HandoverRefSchema, actor: ActorSchema }),
  'gate.changed': z.object({ plan: PlanRefSchema, key: GateKeySchema, from: z.boolean(), to: z.boolean(), detail: z.string() }),
  'snapshot.created': z.object({
    plan: PlanRefSchema,
    snapshot: z.object({
      id: UuidSchema,
      kind: SnapshotKindSchema,
      weekStart: IsoDateSchema.nullable(),
      takenAt: InstantSchema,
      rag: RagSchema.nullable(),
      readiness: z.number(),
    }),
  }),
  'import.completed': z.object({
    plan: PlanRefSchema,
    import: z.object({ id: UuidSchema, inserted: z.number().int(), duplicates: z.number().int(), valid: z.number().int() }),
    actor: ActorSchema,
  }),
  'exit.item_changed': z.object({
    plan: PlanRefSchema,
    item: z.object({ id: UuidSchema, kind: ExitItemKindSchema, name: z.string() }),
    from: ExitItemStatusSchema,
    to: ExitItemStatusSchema,
    note: z.string().nullable(),
    actor: ActorSchema,
  }),
  'plan.exited': z.object({
    plan: PlanRefSchema,
    exitedAt: InstantSchema,
    /** Gates still open when a lead ended the agency with an override; empty otherwise. */
    unmetGates: z.array(GateKeySchema),
    overrideReason: z.string().nullable(),
  }),
} as const satisfies Record<WebhookEventType, z.ZodType>;
export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WebhookEventDataSchemas)[T]>;

const envelopeOf = <T extends WebhookEventType>(type: T) =>
  z.object({ type: z.literal(type), timestamp: InstantSchema, data: WebhookEventDataSchemas[type] });

/** The Standard Webhooks envelope: `timestamp` is when the event happened, not when it was sent. */
export const WebhookEnvelopeSchema = z.discriminatedUnion('type', [
  envelopeOf('milestone.completed'),
  envelopeOf('milestone.overdue'),
  envelopeOf('handover.transitioned'),
  envelopeOf('handover.accepted'),
  envelopeOf('gate.changed'),
  envelopeOf('snapshot.created'),
  envelopeOf('import.completed'),
  envelopeOf('exit.item_changed'),
  envelopeOf('plan.exited'),
]);
export type WebhookEnvelope<T extends WebhookEventType = WebhookEventType> = Extract<
  z.infer<typeof WebhookEnvelopeSchema>,
  { type: T }
>;

/** Where a webhook posts: an http(s) URL without user or password (checked again, with DNS, at every delivery). */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.username === '' && url.password === '';
    } catch {
      return true; // reported by the rule above
    }
  }, 'must not contain a user name or password');

const EventsSchema = z
  .array(WebhookEventTypeSchema)
  .min(1, 'must name at least one event')
  .refine((events) => new Set(events).size === events.length, 'must not repeat an event');

export const WebhookSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  /** For `slack` webhooks the URL is the secret, so it is listed masked (see maskWebhookUrl). */
  url: z.string(),
  events: z.array(WebhookEventTypeSchema),
  format: WebhookFormatSchema,
  active: z.boolean(),
  /** While a rotated secret's predecessor still signs too (`standard` only); null otherwise. */
  previousSecretUntil: InstantSchema.nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** The answer to a create or a secret rotation: the only time the secret is shown. */
export const WebhookWithSecretSchema = WebhookSchema.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecretSchema>;

export const CreateWebhookSchema = z
  .object({
    url: WebhookUrlSchema,
    events: EventsSchema,
    format: WebhookFormatSchema.default('standard'),
    active: z.boolean().default(true),
  })
  .strict();
export type CreateWebhook = z.input<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = z
  .object({ url: WebhookUrlSchema, events: EventsSchema, format: WebhookFormatSchema, active: z.boolean() })
  .partial()
  .strict();
export type UpdateWebhook = z.input<typeof UpdateWebhookSchema>;

export const WebhookDeliveryStateSchema = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryState = z.infer<typeof WebhookDeliveryStateSchema>;

export const WebhookAttemptSchema = z.object({
  at: InstantSchema,
  /** The HTTP status answered, null when none came (refused target, connection error, timeout). */
  status: z.number().int().nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  /** The start of the reply, for debugging a receiver; at most 1024 characters. */
  responseSnippet: z.string(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

/** One event to one webhook, with every attempt: an item of `GET .../webhooks/:id/deliveries`. */
export const WebhookDeliverySchema = z.object({
  id: UuidSchema,
  webhookId: UuidSchema,
  /** The `webhook-id` header: the same for every attempt and redelivery, so receivers can deduplicate. */
  messageId: z.string(),
  eventType: WebhookEventTypeSchema,
  state: WebhookDeliveryStateSchema,
  attempts: z.array(WebhookAttemptSchema),
  nextAttemptAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** `GET .../webhooks/:webhookId/deliveries`: newest first, optionally one state. */
export const WebhookDeliveryListQuerySchema = PageQuerySchema.extend({ state: WebhookDeliveryStateSchema.optional() }).strict();
export type WebhookDeliveryListQuery = z.output<typeof WebhookDeliveryListQuerySchema>;

/** `GET .../webhooks`. */
export const WebhookListQuerySchema = PageQuerySchema.strict();
