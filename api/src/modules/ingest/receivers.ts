import type { AgorapulseEvent, PostizPayload } from '@handover/shared';
import { canonicalChannel, normalisePermalink } from './channels';
import type { IncomingPost } from './classify';

// Posts pushed by scheduling tools, as rows for classification. Neither payload says who made a
// post except Agorapulse's actor, so most of them are placed by the roster's channel entries.

const textOrNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/**
 * Postiz: only published posts are recorded (its states are QUEUE, PUBLISHED, ERROR, DRAFT). The
 * network is the integration's provider (`linkedin-page` → linkedin), the account the
 * integration's name; Postiz knows no author.
 */
export function postizPosts(payload: PostizPayload): IncomingPost[] {
  return payload
    .filter((post) => post.state === 'PUBLISHED')
    .map((post) => ({
      channel: canonicalChannel(post.integration.providerIdentifier)!,
      publishedAt: post.publishDate,
      account: textOrNull(post.integration.name),
      externalId: post.id,
      permalink: normalisePermalink(post.releaseURL),
      author: null,
      publisher: null,
      source: null,
    }));
}

/**
 * Agorapulse `PUBLISHING_POST`: only `PUBLISHED` is recorded. The author is the actor (email,
 * else name), the account the profile's name, the network the profile's (`TWITTER` → x).
 */
export function agorapulsePosts(event: AgorapulseEvent): IncomingPost[] {
  if (event.action !== 'PUBLISHED') return [];
  const { actor, post } = event.payload;
  return [
    {
      channel: canonicalChannel(post.profile.network)!,
      publishedAt: post.publishDate,
      account: textOrNull(post.profile.name),
      externalId: post.uid,
      permalink: normalisePermalink(post.networkLink),
      author: textOrNull(actor?.email) ?? textOrNull(actor?.name),
      publisher: null,
      source: null,
    },
  ];
}
