// Channels are canonical network names, and permalinks one canonical URL per post, so that the
// same post arriving by an export and by a push is recognised as one post.

export const CHANNELS = [
  'facebook',
  'instagram',
  'linkedin',
  'x',
  'tiktok',
  'youtube',
  'threads',
  'bluesky',
  'mastodon',
  'pinterest',
  'google_business',
  'reddit',
  'snapchat',
] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Other spellings, keyed as `aliasKey` folds them (lower case, runs of spaces, `_` and `-` as one
 * `-`). They cover everyday names, Postiz `providerIdentifier`s (`linkedin-page`,
 * `instagram-standalone`, `tiktok-business`, `mastodon-custom`, `gmb`, ...) and Agorapulse
 * `profile.network` values (`TWITTER`, `GOOGLE`, ...; the others are the canonical names in capitals).
 */
const ALIASES: Record<string, Channel> = {
  fb: 'facebook',
  'facebook-page': 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  'instagram-standalone': 'instagram',
  'instagram-business': 'instagram',
  li: 'linkedin',
  'linkedin-page': 'linkedin',
  'linkedin-company': 'linkedin',
  twitter: 'x',
  'x-twitter': 'x',
  'x.com': 'x',
  'twitter.com': 'x',
  'tiktok-business': 'tiktok',
  yt: 'youtube',
  'mastodon-custom': 'mastodon',
  bsky: 'bluesky',
  google: 'google_business',
  gmb: 'google_business',
  'google-business': 'google_business',
  'google-business-profile': 'google_business',
  'google-my-business': 'google_business',
};

const aliasKey = (raw: string) => raw.trim().toLowerCase().replace(/[\s_-]+/g, '-');

const BY_KEY = new Map<string, Channel>([...CHANNELS.map((c) => [aliasKey(c), c] as const), ...Object.entries(ALIASES)]);

/** Longest channel a post may carry (as `ChannelSchema` allows). */
const MAX_CHANNEL = 50;

/**
 * The canonical network for a raw name; an unknown name is kept, trimmed and lower-cased (as
 * channels always were), so a network Handover does not list still imports. Null when blank or
 * too long to be a channel.
 */
export function canonicalChannel(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > MAX_CHANNEL) return null;
  return BY_KEY.get(aliasKey(trimmed)) ?? trimmed.toLowerCase();
}

export function isKnownChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** Hosts that serve the same posts as another, folded to that one. */
const HOST_ALIASES: Record<string, string> = {
  'twitter.com': 'x.com',
  'www.twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'm.twitter.com': 'x.com',
  'www.x.com': 'x.com',
  'mobile.x.com': 'x.com',
  'www.facebook.com': 'facebook.com',
  'm.facebook.com': 'facebook.com',
  'mobile.facebook.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'fb.com': 'facebook.com',
  'www.fb.com': 'facebook.com',
  'www.instagram.com': 'instagram.com',
  'instagr.am': 'instagram.com',
  'www.linkedin.com': 'linkedin.com',
  'www.tiktok.com': 'tiktok.com',
  'm.tiktok.com': 'tiktok.com',
  'www.youtube.com': 'youtube.com',
  'm.youtube.com': 'youtube.com',
  'youtu.be': 'youtube.com',
  'www.threads.net': 'threads.com',
  'threads.net': 'threads.com',
  'www.threads.com': 'threads.com',
  'www.pinterest.com': 'pinterest.com',
};

/**
 * The query string is dropped (tracking parameters such as `utm_source` or `igsh` vary between
 * copies of one link), except for the few parameters that are the post's identity on its host:
 * without them every `permalink.php` or `watch` link would look like the same post.
 */
const IDENTITY_PARAMS: Record<string, readonly string[]> = {
  'facebook.com': ['story_fbid', 'fbid', 'id', 'v'],
  'youtube.com': ['v'],
};

/** Hosts whose paths are case-insensitive (X handles; post ids are digits), folded to lower case. */
const CASE_INSENSITIVE_PATHS = new Set(['x.com']);

const MAX_URL = 2048;

/**
 * An address the URL parser leaves as written: http(s), a lower-case host of plain labels whose
 * last starts with a letter (not an IP address), no port, user, query or fragment, and a path of
 * unreserved characters; trailing slashes are dropped as below.
 */
const SIMPLE_URL = /^(https?):\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)((?:\/[A-Za-z0-9._~-]+)*)\/*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * One spelling per post: https, lower-case host with its aliases folded, no port, no query string
 * (but the identity parameters above) and no fragment, no trailing slash. Null when the text is not
 * an http(s) address. A bare `www.example.com/...` is read as https.
 */
export function normalisePermalink(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let text = raw.trim();
  if (!text || text.length > MAX_URL || /\s/.test(text)) return null;
  const simple = SIMPLE_URL.exec(text);
  if (simple && simple[2] !== 'youtu.be' && !simple[2]!.includes('xn--') && !DOT_SEGMENT.test(simple[3] ?? '')) {
    // What the URL parser would give back unchanged, without building a URL (this runs once per row).
    let host = simple[2]!;
    if (host.endsWith('.linkedin.com')) host = 'linkedin.com';
    host = HOST_ALIASES[host] ?? host;
    const path = simple[3] ?? '';
    return `https://${host}${CASE_INSENSITIVE_PATHS.has(host) ? path.toLowerCase() : path}`;
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) return null;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.linkedin.com')) host = 'linkedin.com'; // country subdomains (uk., de., ...)
  host = HOST_ALIASES[host] ?? host;
  let path = url.pathname;
  if (url.hostname.toLowerCase() === 'youtu.be' && path.length > 1) {
    // youtu.be/<id> is the short form of youtube.com/watch?v=<id>.
    url.searchParams.set('v', path.slice(1).split('/')[0]!);
    path = '/watch';
  }
  path = path.replace(/\/+$/, '');
  if (CASE_INSENSITIVE_PATHS.has(host)) path = path.toLowerCase();
  const kept = (IDENTITY_PARAMS[host] ?? [])
    .filter((name) => url.searchParams.has(name))
    .map((name) => `${name}=${encodeURIComponent(url.searchParams.get(name)!)}`);
  return `https://${host}${path}${kept.length ? `?${kept.join('&')}` : ''}`;
}
