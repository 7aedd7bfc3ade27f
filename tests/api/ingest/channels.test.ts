import { canonicalChannel, isKnownChannel, normalisePermalink } from '../../../api/src/modules/ingest/channels';

describe('canonicalChannel', () => {
  it('When a network is spelled as an alias, a Postiz provider or an Agorapulse network, then it folds to one name', () => {
    const cases: Array<[string, string]> = [
      ['twitter', 'x'],
      ['Twitter', 'x'],
      ['TWITTER', 'x'],
      ['X', 'x'],
      ['fb', 'facebook'],
      ['FACEBOOK', 'facebook'],
      ['ig', 'instagram'],
      ['instagram-standalone', 'instagram'],
      ['INSTAGRAM', 'instagram'],
      ['linkedin-page', 'linkedin'],
      ['LinkedIn Page', 'linkedin'],
      ['linkedin_page', 'linkedin'],
      ['LINKEDIN', 'linkedin'],
      ['tiktok-business', 'tiktok'],
      ['TIKTOK', 'tiktok'],
      ['YOUTUBE', 'youtube'],
      ['THREADS', 'threads'],
      ['BLUESKY', 'bluesky'],
      ['PINTEREST', 'pinterest'],
      ['GOOGLE', 'google_business'],
      ['gmb', 'google_business'],
      ['mastodon-custom', 'mastodon'],
      ['  Facebook  ', 'facebook'],
    ];
    for (const [raw, canonical] of cases) expect([raw, canonicalChannel(raw)]).toEqual([raw, canonical]);
  });

  it('When a network is unknown, then it is kept lower-cased; blank or over-long is null', () => {
    expect(canonicalChannel('Newsletter')).toBe('newsletter');
    expect(canonicalChannel('devto')).toBe('devto');
    expect(canonicalChannel('   ')).toBeNull();
    expect(canonicalChannel(undefined)).toBeNull();
    expect(canonicalChannel('a'.repeat(51))).toBeNull();
    expect(isKnownChannel('x')).toBe(true);
    expect(isKnownChannel('newsletter')).toBe(false);
  });
});

describe('normalisePermalink', () => {
  it('When one post is linked in different spellings, then they normalise to one', () => {
    const spellings = [
      'https://twitter.com/CafeNord/status/1750000000000000001',
      'http://mobile.twitter.com/cafenord/status/1750000000000000001?s=20&t=abc',
      'https://www.x.com/CafeNord/status/1750000000000000001/',
      'https://x.com/cafenord/status/1750000000000000001#reply',
      'x.com/CafeNord/status/1750000000000000001',
    ];
    for (const url of spellings) expect(normalisePermalink(url)).toBe('https://x.com/cafenord/status/1750000000000000001');
  });

  it('When hosts have aliases, then scheme and host fold and query, fragment and trailing slash go', () => {
    expect(normalisePermalink('https://www.facebook.com/123456/posts/987654/?ref=embed')).toBe('https://facebook.com/123456/posts/987654');
    expect(normalisePermalink('https://m.facebook.com/123456/posts/987654')).toBe('https://facebook.com/123456/posts/987654');
    expect(normalisePermalink('https://fb.com/123456/posts/987654')).toBe('https://facebook.com/123456/posts/987654');
    expect(normalisePermalink('https://WWW.Instagram.com/p/CxYz_AbC12/?igsh=MTc4')).toBe('https://instagram.com/p/CxYz_AbC12');
    expect(normalisePermalink('https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/')).toBe(
      'https://linkedin.com/feed/update/urn:li:activity:7300000000000000001',
    );
    expect(normalisePermalink('https://uk.linkedin.com/posts/cafe-nord_activity-1')).toBe('https://linkedin.com/posts/cafe-nord_activity-1');
    expect(normalisePermalink('https://www.tiktok.com/@cafenord/video/7300000000000000001?lang=en')).toBe('https://tiktok.com/@cafenord/video/7300000000000000001');
    expect(normalisePermalink('https://bsky.app/profile/cafenord.bsky.social/post/3kabc')).toBe('https://bsky.app/profile/cafenord.bsky.social/post/3kabc');
  });

  it('When a path is case-sensitive (Instagram short codes), then its case is kept', () => {
    expect(normalisePermalink('https://instagram.com/p/AbC')).not.toBe(normalisePermalink('https://instagram.com/p/abc'));
  });

  it('When the post id is in the query string, then that parameter alone is kept', () => {
    expect(normalisePermalink('https://www.facebook.com/permalink.php?story_fbid=111&id=222&ref=share')).toBe('https://facebook.com/permalink.php?story_fbid=111&id=222');
    expect(normalisePermalink('https://www.facebook.com/permalink.php?story_fbid=333&id=222')).not.toBe(
      normalisePermalink('https://www.facebook.com/permalink.php?story_fbid=111&id=222'),
    );
    expect(normalisePermalink('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s')).toBe('https://youtube.com/watch?v=dQw4w9WgXcQ');
    expect(normalisePermalink('https://youtu.be/dQw4w9WgXcQ?si=xyz')).toBe('https://youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it('When the text is not an http(s) address, then it is null', () => {
    for (const bad of ['', '   ', 'not a url', 'ftp://x.com/a', 'javascript:alert(1)', 'mailto:a@b.c', 'https://', 'https://user:pw@x.com/a']) {
      expect([bad, normalisePermalink(bad)]).toEqual([bad, null]);
    }
  });
});
