import { z } from 'zod';
import { InstantSchema, UuidSchema } from './common';

/** The tools that push published posts to a receiver of their own (docs/domain.md#receivers-and-ingest-secrets). */
export const INGEST_RECEIVERS = ['postiz', 'agorapulse'] as const;
export const IngestReceiverSchema = z.enum(INGEST_RECEIVERS, { message: `must be one of: ${INGEST_RECEIVERS.join(', ')}` });
export type IngestReceiver = z.infer<typeof IngestReceiverSchema>;
export const INGEST_RECEIVER_LABELS: Record<IngestReceiver, string> = { postiz: 'Postiz', agorapulse: 'Agorapulse' };

/** Every ingest secret starts with this, so a leaked one is recognised for what it is. */
export const INGEST_SECRET_PREFIX = 'hoi_';

export const CreateIngestSecretSchema = z
  .object({
    receiver: IngestReceiverSchema,
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  })
  .strict();
export type CreateIngestSecret = z.input<typeof CreateIngestSecretSchema>;

const ingestSecretFields = {
  id: UuidSchema,
  planId: UuidSchema,
  receiver: IngestReceiverSchema,
  name: z.string(),
  createdAt: InstantSchema,
  /** Who created it; null if that user is gone. */
  createdBy: z.object({ id: UuidSchema, name: z.string() }).nullable(),
};

/** A secret as listed: never the secret itself, which is stored only as its SHA-256. */
export const IngestSecretSchema = z.object({
  ...ingestSecretFields,
  lastUsedAt: InstantSchema.nullable(),
  revokedAt: InstantSchema.nullable(),
});
export type IngestSecret = z.infer<typeof IngestSecretSchema>;

/** The answer to a create: the only time the secret is shown, with the path the tool posts to. */
export const CreatedIngestSecretSchema = IngestSecretSchema.extend({
  /** The secret, this once; null when a create is replayed by its Idempotency-Key (it is stored nowhere). */
  secret: z.string().nullable(),
  /** The receiver's path under this server, to prefix with the server's address (`{secret}` on a replay). */
  path: z.string(),
});
export type CreatedIngestSecret = z.infer<typeof CreatedIngestSecretSchema>;

export const IngestSecretListSchema = z.object({ items: z.array(IngestSecretSchema) });
export type IngestSecretList = z.infer<typeof IngestSecretListSchema>;

/** What a receiver answers to a delivery it accepted (a replay records nothing new). */
export const IngestReceiptSchema = z.object({
  /** Published posts in the delivery. */
  received: z.number().int(),
  /** Of those, new posts entered in the ledger. */
  recorded: z.number().int(),
  /** Of those, new posts the roster could not classify, waiting in the plan's inbox. */
  inbox: z.number().int(),
  /** Already known (a replay, or the same post by another way in). */
  duplicates: z.number().int(),
  /** Rows in the delivery that were not published posts (queued, failed, drafts), recorded nowhere. */
  ignored: z.number().int(),
});
export type IngestReceipt = z.infer<typeof IngestReceiptSchema>;
