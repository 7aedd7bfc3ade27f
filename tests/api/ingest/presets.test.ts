import { ImportMappingRequestSchema, ImportMappingSchema, PRESET_NAMES } from '@handover/shared';
import { PRESETS, detectPreset, mappingFromRequest } from '../../../api/src/modules/ingest/presets';

const META_FB = ['\uFEFFPost ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time', 'Permalink', 'Post type', 'Date', 'Views', 'Reach'];
const META_IG = ['Post ID', 'Account ID', 'Account username', 'Account name', 'Description', 'Publish time', 'Permalink', 'Post type', 'Date', 'Views'];
const LINKEDIN = ['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Audience', 'Impressions'];
const X_OLD = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements'];
const X_NEW = ['Post id', 'Date', 'Post text', 'Post Link', 'Impressions', 'Likes'];
const HANDOVER = ['channel', 'published_at', 'source', 'external_id', 'author'];

const detected = (rows: string[][]) => {
  const d = detectPreset(rows);
  return d && { preset: d.preset.name, headerRow: d.headerRow, publishedAt: d.variant.columns.publishedAt, dateFormat: d.variant.dateFormat };
};

describe('presets', () => {
  it('When the data names a preset, then it is one of the shared preset names, each exactly once', () => {
    expect(PRESETS.map((p) => p.name).sort()).toEqual([...PRESET_NAMES].sort());
  });

  it('When a header row matches a preset, then it is detected with its variant (a BOM and case do not matter)', () => {
    expect(detected([META_FB])).toEqual({ preset: 'meta_facebook', headerRow: 1, publishedAt: 'Publish time', dateFormat: 'MM/DD/YYYY HH:mm' });
    expect(detected([META_IG])).toMatchObject({ preset: 'meta_instagram', headerRow: 1 });
    expect(detected([X_OLD])).toEqual({ preset: 'x_analytics', headerRow: 1, publishedAt: 'time', dateFormat: 'YYYY-MM-DD HH:mm Z' });
    expect(detected([X_NEW])).toEqual({ preset: 'x_analytics', headerRow: 1, publishedAt: 'Date', dateFormat: 'ddd, MMM D, YYYY' });
    expect(detected([HANDOVER])).toMatchObject({ preset: 'handover', headerRow: 1 });
    expect(detected([X_NEW.map((h) => h.toUpperCase())])).toMatchObject({ preset: 'x_analytics' });
  });

  it('When a description row sits above the header, then the header is found below it', () => {
    const rows = [['Engagement metrics for individual posts. Data for sponsored posts may be delayed.'], LINKEDIN, ['A post', 'https://www.linkedin.com/feed/update/urn:li:activity:1']];
    const d = detectPreset(rows);
    expect(d && { preset: d.preset.name, headerRow: d.headerRow, author: d.variant.columns.author }).toEqual({ preset: 'linkedin_all_posts', headerRow: 2, author: 'Posted by' });
    const withoutPostedBy = detectPreset([['description'], LINKEDIN.filter((h) => h !== 'Posted by')]);
    expect(withoutPostedBy?.variant.columns.author).toBeUndefined();
  });

  it('When no row within the first ten is a known header, then nothing is detected', () => {
    expect(detectPreset([['date', 'network', 'text']])).toBeNull();
    expect(detectPreset([...Array.from({ length: 10 }, () => ['note']), META_FB])).toBeNull();
    expect(detectPreset([])).toBeNull();
  });
});

describe('mappingFromRequest', () => {
  const parse = (body: unknown, header: string[]) => {
    const request = ImportMappingRequestSchema.parse(body);
    const made = mappingFromRequest(request, header);
    return 'error' in made ? made : ImportMappingSchema.safeParse(made.mapping);
  };

  it('When a preset is chosen, then its columns come in the file’s own spelling with its channel and format', () => {
    const result = parse({ preset: 'meta_facebook', timeZone: 'Europe/Paris', defaultSide: 'agency' }, META_FB.map((h) => h.toLowerCase()));
    expect(result).toEqual({
      success: true,
      data: {
        columns: { publishedAt: 'publish time', externalId: 'post id', permalink: 'permalink', account: 'page id' },
        channel: 'facebook',
        dateFormat: 'MM/DD/YYYY HH:mm',
        timeZone: 'Europe/Paris',
        defaultSide: 'agency',
      },
    });
  });

  it('When a preset is chosen with another date format (an Excel re-save), then the format is overridden', () => {
    const result = parse({ preset: 'meta_facebook', dateFormat: 'DD/MM/YYYY HH:mm', timeZone: 'Europe/Paris' }, META_FB);
    expect(result).toMatchObject({ success: true, data: { dateFormat: 'DD/MM/YYYY HH:mm' } });
  });

  it('When a preset needs a time zone and none is given, then the mapping says so', () => {
    const result = parse({ preset: 'meta_instagram' }, META_IG);
    expect('success' in result && !result.success && result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['timeZone', 'must be given: times like 03/31/2026 14:05 carry no time zone'],
    ]);
    expect(parse({ preset: 'x_analytics' }, X_OLD)).toMatchObject({ success: true });
  });

  it('When the file lacks the preset’s columns, then the error names them', () => {
    expect(parse({ preset: 'meta_facebook', timeZone: 'UTC' }, META_IG)).toEqual({
      error: 'the header row has no "Page ID" column, which the Meta Business Suite (Facebook) preset reads',
    });
  });

  it('When columns are given instead, then they are used as they are, and a channel is required', () => {
    const body = { columns: { publishedAt: 'When', channel: 'Network', author: 'Who' }, dateFormat: 'YYYY-MM-DD HH:mm', timeZone: 'America/New_York' };
    expect(parse(body, ['When', 'Network', 'Who'])).toMatchObject({ success: true, data: { columns: body.columns } });
    const noChannel = parse({ columns: { publishedAt: 'When' }, dateFormat: 'YYYY-MM-DD' }, ['When']);
    expect('success' in noChannel && !noChannel.success && noChannel.error.issues[0]?.message).toBe('give a channel column or a fixed channel');
  });

  it('When the request names both or neither of preset and columns, then it is refused', () => {
    expect(ImportMappingRequestSchema.safeParse({}).success).toBe(false);
    expect(ImportMappingRequestSchema.safeParse({ preset: 'handover', columns: { publishedAt: 'x' }, dateFormat: 'ISO 8601' }).success).toBe(false);
    expect(ImportMappingRequestSchema.safeParse({ columns: { publishedAt: 'x' } }).success).toBe(false);
    expect(ImportMappingRequestSchema.safeParse({ preset: 'handover', timeZone: 'Not/AZone' }).success).toBe(false);
  });
});
