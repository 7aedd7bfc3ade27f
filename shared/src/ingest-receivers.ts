import { z } from 'zod';
import { InstantInputSchema } from './common';

// Payloads of the tools that push published posts. Objects are strict: a field the tool is not
// known to send is refused (422), so a changed payload is noticed rather than half-read. Fields
// the tool does send but Handover does not use (Postiz's `picture`, `type`; Agorapulse's
// `organizationId`, `agorapulseLink`, ...) are declared, so the documented payloads pass. Values
// Handover does not depend on (network names, Postiz states) are not narrowed beyond what it reads,
// so a new network or state lands in the inbox instead of being refused.

const Id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const Label = z.string().max(500, 'must be at most 500 characters');
const Url = z.string().max(2048, 'must be at most 2048 characters');

/**
 * Postiz (gitroomhq/postiz-app) posts, after publishing, the JSON array its posts repository
 * selects for the webhook: `id, content, publishDate, releaseURL, state, integration{id, name,
 * providerIdentifier, picture, type}`. `state` is the Prisma enum QUEUE | PUBLISHED | ERROR | DRAFT.
 */
export const PostizPostSchema = z
  .object({
    id: Id,
    content: z.string().max(200_000, 'must be at most 200000 characters'),
    publishDate: InstantInputSchema,
    releaseURL: Url.nullish(),
    state: z.string().trim().min(1).max(20).transform((v) => v.toUpperCase()),
    integration: z
      .object({
        id: Id,
        providerIdentifier: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
        name: Label,
        picture: Url.nullish(),
        type: z.string().max(50).nullish(),
      })
      .strict(),
  })
  .strict();
export type PostizPost = z.infer<typeof PostizPostSchema>;

export const PostizPayloadSchema = z.array(PostizPostSchema).max(100, 'at most 100 posts per delivery');
export type PostizPayload = z.infer<typeof PostizPayloadSchema>;

/** Agorapulse's `User` (the person who performed the action). None of its fields is required. */
const AgorapulseActorSchema = z
  .object({ uid: Id.optional(), name: Label.optional(), email: z.string().max(320).optional() })
  .strict();

const AgorapulseProfileSchema = z
  .object({
    uid: Id.optional(),
    name: Label.optional(),
    /** BLUESKY, FACEBOOK, GOOGLE, INSTAGRAM, LINKEDIN, PINTEREST, THREADS, TIKTOK, TWITTER, YOUTUBE today. */
    network: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
  })
  .strict();

const postFields = {
  uid: Id,
  agorapulseLink: Url.optional(),
  networkLink: Url.optional(),
  groupUid: Id.optional(),
};

/** The event envelope around a payload, for one action. */
function agorapulseEvent<A extends string, P extends z.ZodType>(action: A, post: P) {
  return z
    .object({
      uid: Id,
      type: z.literal('PUBLISHING_POST'),
      action: z.literal(action),
      organizationId: z.number().int().optional(),
      timestamp: z.string().max(40).optional(),
      payload: z.object({ actor: AgorapulseActorSchema.optional(), post }).strict(),
    })
    .strict();
}

/**
 * Agorapulse's `PUBLISHING_POST` webhook event (OpenAPI 3.1 `webhooks` of api.agorapulse.com).
 * A published post must say when and where it was published; a failed one is accepted as sent and
 * recorded nowhere.
 */
export const AgorapulseEventSchema = z.discriminatedUnion('action', [
  agorapulseEvent(
    'PUBLISHED',
    z.object({ ...postFields, publishDate: InstantInputSchema, profile: AgorapulseProfileSchema, status: z.literal('PUBLISHED').optional() }).strict(),
  ),
  agorapulseEvent(
    'FAILED',
    z
      .object({
        ...postFields,
        uid: Id.optional(),
        publishDate: z.string().max(40).optional(),
        profile: AgorapulseProfileSchema.partial().strict().optional(),
        status: z.literal('FAILED').optional(),
      })
      .strict()
      .optional(),
  ),
]);
export type AgorapulseEvent = z.infer<typeof AgorapulseEventSchema>;
