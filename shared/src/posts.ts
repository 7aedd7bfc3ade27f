import { z } from 'zod';
import { BooleanQuerySchema, InstantInputSchema, InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema } from './common';

export const PostSourceSchema = z.enum(['agency', 'in_house', 'co_authored']);
export type PostSource = z.infer<typeof PostSourceSchema>;

/** Channels are compared case-insensitively: stored trimmed and lower-cased. */
export const ChannelSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .transform((v) => v.toLowerCase());

export const PostClassifiedBySchema = z.enum(['source', 'roster', 'default']);
export type PostClassifiedBy = z.infer<typeof PostClassifiedBySchema>;

export const PostSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  channel: z.string(),
  publishedAt: InstantSchema,
  source: PostSourceSchema,
  externalId: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: InstantSchema,
  /** The page id, `@handle` or account name it was published from, when known. */
  account: z.string().nullable(),
  /** Normalised permalink, when known. */
  permalink: z.string().nullable(),
  /** Who published it when that was not the author (scheduler tools). */
  publisher: z.string().nullable(),
  /** How `source` was decided: given (`source`), by a roster entry (`roster`), or the file's default side (`default`). */
  classifiedBy: PostClassifiedBySchema,
  /** The roster entry that decided the side, when `classifiedBy` is `roster`. */
  rosterEntryId: UuidSchema.nullable(),
  /** What brought it: `manual`, `import:<id>`, `batch`, or `receiver:<name>`. */
  origin: z.string().nullable(),
});
export type Post = z.infer<typeof PostSchema>;

export const CreatePostSchema = z
  .object({
    channel: ChannelSchema,
    publishedAt: InstantInputSchema,
    source: PostSourceSchema,
    externalId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullable().optional(),
    author: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional(),
    account: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional(),
  })
  .strict();
export type CreatePost = z.input<typeof CreatePostSchema>;

export const PostListQuerySchema = PageQuerySchema.extend({
  source: PostSourceSchema.optional(),
  channel: z.string().max(50).optional(),
  account: z.string().max(200).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
}).strict();

export const POSTS_CSV_HEADER = ['channel', 'published_at', 'source', 'external_id', 'author'] as const;

export const ImportQuerySchema = z.object({ dryRun: BooleanQuerySchema.optional() }).strict();
export const ImportResultSchema = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
  /** New rows that passed validation: stored (or, in a dry run, that would be); duplicates are counted apart. */
  valid: z.number().int(),
  dryRun: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ExportQuerySchema = z
  .object({
    source: PostSourceSchema.optional(),
    channel: z.string().max(50).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .strict();

export const IntervalSchema = z.enum(['week', 'month']);
export type Interval = z.infer<typeof IntervalSchema>;

export const ShareQuerySchema = z
  .object({
    interval: IntervalSchema.default('week'),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    channel: z.string().max(50).optional(),
  })
  .strict();

export const SharePointSchema = z.object({
  periodStart: IsoDateSchema,
  agency: z.number().int(),
  inHouse: z.number().int(),
  coAuthored: z.number().int(),
  total: z.number().int(),
  inHouseShare: z.number(),
});
export type SharePoint = z.infer<typeof SharePointSchema>;
export const ShareSchema = z.object({ interval: IntervalSchema, points: z.array(SharePointSchema) });
export type Share = z.infer<typeof ShareSchema>;
