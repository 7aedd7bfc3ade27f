import { Roster, classify, findOverlap, overlapping, rangesOverlap, type IncomingPost, type RosterRule } from '../../../api/src/modules/ingest/classify';

// A plan whose agency ran the Facebook page until 2026-03-31, after which the in-house team took it.
const roster: RosterRule[] = [
  { id: 'a-ana', kind: 'author', match: 'ana@agency.example', side: 'agency' },
  { id: 'a-ben', kind: 'author', match: 'Ben Okafor', side: 'in_house' },
  { id: 'a-cleo', kind: 'author', match: 'cleo@brand.example', side: 'in_house', from: '2026-02-01' },
  { id: 'a-cleo-before', kind: 'author', match: 'cleo@brand.example', side: 'agency', to: '2026-01-31' },
  { id: 'c-page-agency', kind: 'channel', match: '104200000000001', side: 'agency', to: '2026-03-31' },
  { id: 'c-page-inhouse', kind: 'channel', match: '104200000000001', side: 'in_house', from: '2026-04-01' },
  { id: 'c-ig', kind: 'channel', match: '@cafenord', side: 'in_house' },
  { id: 'c-tiktok', kind: 'channel', match: 'TikTok', side: 'agency' },
];

const post = (over: Partial<IncomingPost>): IncomingPost => ({ channel: 'facebook', publishedAt: '2026-03-15T10:00:00.000Z', ...over });
const sideOf = (over: Partial<IncomingPost>, defaultSide?: 'agency' | 'in_house') => classify(post(over), roster, defaultSide);

describe('classify', () => {
  it('When the row has an explicit source, then it wins over every entry', () => {
    expect(sideOf({ source: 'in_house', author: 'ana@agency.example', account: '104200000000001' })).toEqual({ source: 'in_house', classifiedBy: 'source' });
  });

  it('When the author matches an entry (email or name, any case, trimmed), then the author decides', () => {
    expect(sideOf({ author: '  ANA@agency.example ', account: '104200000000001' }, 'in_house')).toEqual({ source: 'agency', classifiedBy: 'roster', rosterEntryId: 'a-ana' });
    expect(sideOf({ author: 'ben okafor', account: '104200000000001' })).toEqual({ source: 'in_house', classifiedBy: 'roster', rosterEntryId: 'a-ben' });
  });

  it('When no author matches, then the account decides, then the network, then the default, else unclassified', () => {
    expect(sideOf({ author: 'stranger@x.example', account: '104200000000001' })).toEqual({ source: 'agency', classifiedBy: 'roster', rosterEntryId: 'c-page-agency' });
    expect(sideOf({ channel: 'instagram', account: 'CafeNord' })).toEqual({ source: 'in_house', classifiedBy: 'roster', rosterEntryId: 'c-ig' });
    expect(sideOf({ channel: 'tiktok', account: 'unknown-account' })).toEqual({ source: 'agency', classifiedBy: 'roster', rosterEntryId: 'c-tiktok' });
    expect(sideOf({ channel: 'tiktok' })).toEqual({ source: 'agency', classifiedBy: 'roster', rosterEntryId: 'c-tiktok' });
    expect(sideOf({ channel: 'linkedin', account: 'other page' }, 'in_house')).toEqual({ source: 'in_house', classifiedBy: 'default' });
    expect(sideOf({ channel: 'linkedin', account: 'other page' })).toEqual({ unclassified: true });
  });

  describe('dates', () => {
    it('When a post is at 23:59:59Z on the last day of an entry, then it matches; at 00:00Z the next day, it does not', () => {
      expect(sideOf({ account: '104200000000001', publishedAt: '2026-03-31T23:59:59.000Z' })).toMatchObject({ source: 'agency', rosterEntryId: 'c-page-agency' });
      expect(sideOf({ account: '104200000000001', publishedAt: '2026-04-01T00:00:00.000Z' })).toMatchObject({ source: 'in_house', rosterEntryId: 'c-page-inhouse' });
    });

    it('When the instant has an offset, then its UTC calendar date is the one compared', () => {
      // 2026-04-01 01:30 in Paris is still 2026-03-31 in UTC.
      expect(sideOf({ account: '104200000000001', publishedAt: '2026-04-01T01:30:00+02:00' })).toMatchObject({ rosterEntryId: 'c-page-agency' });
    });

    it('When a person changes side on a date, then posts before and after follow it', () => {
      expect(sideOf({ author: 'cleo@brand.example', publishedAt: '2026-01-31T23:59:59.000Z' })).toMatchObject({ source: 'agency', rosterEntryId: 'a-cleo-before' });
      expect(sideOf({ author: 'cleo@brand.example', publishedAt: '2026-02-01T00:00:00.000Z' })).toMatchObject({ source: 'in_house', rosterEntryId: 'a-cleo' });
    });

    it('When an author entry is out of its dates, then the channel entries decide', () => {
      const only = [roster[2]!, roster[4]!];
      expect(classify(post({ author: 'cleo@brand.example', account: '104200000000001', publishedAt: '2026-01-15T09:00:00.000Z' }), only)).toEqual({
        source: 'agency',
        classifiedBy: 'roster',
        rosterEntryId: 'c-page-agency',
      });
    });
  });

  describe('co_authored', () => {
    it('When creator and publisher match author entries on different sides, then the post is co-authored', () => {
      expect(sideOf({ author: 'ben okafor', publisher: 'ana@agency.example' })).toEqual({ source: 'co_authored', classifiedBy: 'roster', rosterEntryId: 'a-ben' });
    });

    it('When they are on the same side, or the publisher is unknown or only a channel, then it is the creator’s side', () => {
      expect(sideOf({ author: 'ben okafor', publisher: 'cleo@brand.example' })).toMatchObject({ source: 'in_house' });
      expect(sideOf({ author: 'ben okafor', publisher: 'nobody@x.example' })).toMatchObject({ source: 'in_house' });
      expect(sideOf({ author: 'ben okafor', publisher: '104200000000001' })).toMatchObject({ source: 'in_house' });
    });

    it('When only the publisher is known, then the publisher alone does not classify (the creator decides)', () => {
      expect(sideOf({ author: 'nobody@x.example', publisher: 'ana@agency.example', channel: 'linkedin' })).toEqual({ unclassified: true });
    });
  });

  it('When a roster classifies many rows, then an index gives the same answers as one-off calls', () => {
    const index = new Roster(roster);
    for (const over of [{ author: 'ana@agency.example' }, { account: '@CAFENORD', channel: 'instagram' }, { channel: 'x' }]) {
      expect(index.classify(post(over))).toEqual(classify(post(over), roster));
    }
  });
});

describe('overlaps (the 409 rule)', () => {
  it('When ranges share a day, then they overlap; open ends are unbounded; touching is not enough', () => {
    expect(rangesOverlap({ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-01-31', to: null })).toBe(true);
    expect(rangesOverlap({ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-02-01' })).toBe(false);
    expect(rangesOverlap({}, { from: '2099-01-01', to: '2099-01-01' })).toBe(true);
    expect(rangesOverlap({ to: '2026-01-01' }, { from: '2026-01-02' })).toBe(false);
  });

  it('When a new entry has the same kind and normalised match with overlapping dates, then the clash is found', () => {
    expect(findOverlap({ kind: 'author', match: ' BEN OKAFOR ', from: '2027-01-01' }, roster)?.id).toBe('a-ben');
    expect(findOverlap({ kind: 'channel', match: '@104200000000001', from: '2026-03-31', to: '2026-03-31' }, roster)?.id).toBe('c-page-agency');
    expect(findOverlap({ kind: 'channel', match: 'cafenord' }, roster)?.id).toBe('c-ig');
    expect(findOverlap({ kind: 'channel', match: 'tiktok-business' }, roster)?.id).toBe('c-tiktok');
  });

  it('When dates do not overlap, the kind differs, or the entry is the one being edited, then there is no clash', () => {
    expect(findOverlap({ kind: 'channel', match: '104200000000001', from: '2026-04-01', to: '2026-12-31' }, roster.slice(0, 5))).toBeNull();
    expect(findOverlap({ kind: 'channel', match: 'Ben Okafor' }, roster)).toBeNull();
    expect(findOverlap({ id: 'a-ben', kind: 'author', match: 'ben okafor' }, roster)).toBeNull();
  });

  it('When a whole roster is checked, then every clashing pair is listed', () => {
    expect(overlapping(roster)).toEqual([]);
    const clash: RosterRule = { id: 'x1', kind: 'channel', match: 'twitter', side: 'agency' };
    const again: RosterRule = { id: 'x2', kind: 'channel', match: 'X', side: 'in_house', from: '2026-05-01' };
    expect(overlapping([...roster, clash, again]).map(([a, b]) => [a.id, b.id])).toEqual([['x1', 'x2']]);
  });
});
