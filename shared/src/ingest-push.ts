import { z } from 'zod';
import { InstantInputSchema, InstantSchema, PageQuerySchema, UuidSchema } from './common';
import { RosterKindSchema, RosterSideSchema } from './ingest';
import { PostSourceSchema } from './posts';

// Push: posts sent by scripts and automation (`POST /plans/:planId/posts/batch`), and the inbox
// where pushed posts the roster cannot classify wait.

/** Posts in one batch, at most. */
export const MAX_PUSH_BATCH = 1000;

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

export const PushPostSchema = z
  .object({
    /** A network name or one of its aliases (`twitter`, `linkedin-page`, ...), stored canonical. */
    channel: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
    publishedAt: InstantInputSchema,
    externalId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullable().optional(),
    /** An http(s) address; stored normalised, the second duplicate key after `(channel, externalId)`. */
    permalink: z.string().trim().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters').nullable().optional(),
    account: optionalText(200),
    author: optionalText(200),
    publisher: optionalText(200),
    /** An explicit side; when absent the roster decides. */
    source: PostSourceSchema.nullable().optional(),
  })
  .strict();
export type PushPost = z.input<typeof PushPostSchema>;

export const PushBatchSchema = z
  .array(PushPostSchema)
  .min(1, 'must hold at least one post')
  .max(MAX_PUSH_BATCH, `must hold at most ${MAX_PUSH_BATCH} posts`);

export const PushResultSchema = z.object({
  /** Stored in the ledger. */
  inserted: z.number().int().min(0),
  /** Already recorded (ledger or inbox) or repeated within the batch; nothing changed for them. */
  duplicates: z.number().int().min(0),
  /** Stored in the inbox: no roster entry classifies them yet. */
  inbox: z.number().int().min(0),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const InboxItemSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  channel: z.string(),
  publishedAt: InstantSchema,
  externalId: z.string().nullable(),
  account: z.string().nullable(),
  permalink: z.string().nullable(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  /** What brought it: `batch` or `receiver:<name>`. */
  origin: z.string(),
  receivedAt: InstantSchema,
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxQuerySchema = PageQuerySchema.strict();

export const RosterListQuerySchema = PageQuerySchema.extend({ kind: RosterKindSchema.optional(), side: RosterSideSchema.optional() }).strict();
