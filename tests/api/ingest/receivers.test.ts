import { AgorapulseEventSchema, PostizPayloadSchema } from '@handover/shared';
import { Roster, type RosterRule } from '../../../api/src/modules/ingest/classify';
import { agorapulsePosts, postizPosts } from '../../../api/src/modules/ingest/receivers';

// Payloads in the shapes the tools document (synthetic values). Postiz: the webhook body is the
// array its posts repository selects for a published post; Agorapulse: the PublishingPostEvent
// schema of its OpenAPI `webhooks`.

const postizPost = (over: Record<string, unknown> = {}) => ({
  id: 'cm8x2k0001',
  content: '<p>Spring menu is here</p>',
  publishDate: '2026-04-02T09:30:00.000Z',
  releaseURL: 'https://www.linkedin.com/feed/update/urn:li:share:7300000000000000002/',
  state: 'PUBLISHED',
  integration: { id: 'int-1', name: 'Café Nord', providerIdentifier: 'linkedin-page', picture: 'https://cdn.example/p.png', type: 'social' },
  ...over,
});

const agorapulseEvent = (over: Record<string, unknown> = {}) => ({
  uid: 'evt-0001',
  type: 'PUBLISHING_POST',
  action: 'PUBLISHED',
  organizationId: 4242,
  timestamp: '2026-04-02T09:31:00Z',
  payload: {
    actor: { uid: 'usr-1', name: 'Ana Agency', email: 'Ana@Agency.example' },
    post: {
      uid: 'post-0001',
      agorapulseLink: 'https://app.agorapulse.com/p/post-0001',
      networkLink: 'https://twitter.com/cafenord/status/1770000000000000001',
      publishDate: '2026-04-02T09:30:00Z',
      groupUid: 'grp-1',
      profile: { uid: 'prof-1', name: 'Café Nord', network: 'TWITTER' },
      status: 'PUBLISHED',
    },
  },
  ...over,
});

const roster: RosterRule[] = [
  { id: 'r1', kind: 'author', match: 'ana@agency.example', side: 'agency' },
  { id: 'r2', kind: 'channel', match: 'Café Nord', side: 'in_house', from: '2026-04-01' },
];

describe('Postiz receiver', () => {
  it('When Postiz posts its documented array, then published rows become posts and others are left out', () => {
    const payload = PostizPayloadSchema.parse([
      postizPost(),
      postizPost({ id: 'cm8x2k0002', state: 'ERROR', releaseURL: null }),
      postizPost({ id: 'cm8x2k0003', state: 'published', integration: { id: 'int-2', name: '@cafenord', providerIdentifier: 'instagram-standalone' } }),
    ]);
    const posts = postizPosts(payload);
    expect(posts).toEqual([
      {
        channel: 'linkedin',
        publishedAt: '2026-04-02T09:30:00.000Z',
        account: 'Café Nord',
        externalId: 'cm8x2k0001',
        permalink: 'https://linkedin.com/feed/update/urn:li:share:7300000000000000002',
        author: null,
        publisher: null,
        source: null,
      },
      expect.objectContaining({ channel: 'instagram', account: '@cafenord', externalId: 'cm8x2k0003' }),
    ]);
    expect(new Roster(roster).classify(posts[0]!)).toEqual({ source: 'in_house', classifiedBy: 'roster', rosterEntryId: 'r2' });
    expect(PostizPayloadSchema.parse([])).toEqual([]);
  });

  it('When a Postiz payload has an unknown field, a wrong type or is not an array, then it is refused', () => {
    expect(PostizPayloadSchema.safeParse([postizPost({ author: 'someone' })]).success).toBe(false);
    expect(PostizPayloadSchema.safeParse([postizPost({ publishDate: 'yesterday' })]).success).toBe(false);
    expect(PostizPayloadSchema.safeParse([postizPost({ integration: { id: 'i', name: 'n', providerIdentifier: 'x', extra: 1 } })]).success).toBe(false);
    expect(PostizPayloadSchema.safeParse(postizPost()).success).toBe(false);
    expect(PostizPayloadSchema.safeParse([postizPost({ integration: undefined })]).success).toBe(false);
  });
});

describe('Agorapulse receiver', () => {
  it('When Agorapulse reports a published post, then it becomes a post whose author is the actor', () => {
    const posts = agorapulsePosts(AgorapulseEventSchema.parse(agorapulseEvent()));
    expect(posts).toEqual([
      {
        channel: 'x',
        publishedAt: '2026-04-02T09:30:00.000Z',
        account: 'Café Nord',
        externalId: 'post-0001',
        permalink: 'https://x.com/cafenord/status/1770000000000000001',
        author: 'Ana@Agency.example',
        publisher: null,
        source: null,
      },
    ]);
    // The actor is agency staff, so the author entry wins over the in-house page.
    expect(new Roster(roster).classify(posts[0]!)).toEqual({ source: 'agency', classifiedBy: 'roster', rosterEntryId: 'r1' });
  });

  it('When the actor has no email, then the name is the author; with neither, the roster’s channels decide', () => {
    const named = agorapulseEvent();
    named.payload.actor = { uid: 'usr-2', name: 'Ben Brand' } as typeof named.payload.actor;
    expect(agorapulsePosts(AgorapulseEventSchema.parse(named))[0]?.author).toBe('Ben Brand');
    const anonymous = agorapulseEvent();
    delete (anonymous.payload as { actor?: unknown }).actor;
    expect(agorapulsePosts(AgorapulseEventSchema.parse(anonymous))[0]?.author).toBeNull();
  });

  it('When a post failed, then the event is accepted and nothing is recorded', () => {
    const failed = agorapulseEvent({ action: 'FAILED', payload: { post: { uid: 'post-2', status: 'FAILED', profile: { network: 'FACEBOOK' } } } });
    expect(agorapulsePosts(AgorapulseEventSchema.parse(failed))).toEqual([]);
  });

  it('When the event is of another type, lacks what a published post needs, or has unknown fields, then it is refused', () => {
    expect(AgorapulseEventSchema.safeParse(agorapulseEvent({ type: 'INBOX_ITEM' })).success).toBe(false);
    expect(AgorapulseEventSchema.safeParse(agorapulseEvent({ action: 'CREATED' })).success).toBe(false);
    expect(AgorapulseEventSchema.safeParse(agorapulseEvent({ extra: true })).success).toBe(false);
    const noDate = agorapulseEvent();
    delete (noDate.payload.post as { publishDate?: string }).publishDate;
    expect(AgorapulseEventSchema.safeParse(noDate).success).toBe(false);
    const wrongStatus = agorapulseEvent();
    wrongStatus.payload.post.status = 'FAILED';
    expect(AgorapulseEventSchema.safeParse(wrongStatus).success).toBe(false);
  });
});
