import { ImportMappingSchema, ImportPreviewSchema, type ImportMapping } from '@handover/shared';
import { Roster, type RosterRule } from '../../../api/src/modules/ingest/classify';
import { Preview, compileMapping, mapRow, type CompiledMapping } from '../../../api/src/modules/ingest/mapping';
import { FingerprintSet, MAX_PREVIEW_ERRORS } from '../../../api/src/modules/ingest/preview';

const header = ['When', 'Network', 'Page', 'Id', 'Link', 'Made by', 'Published by', 'Side'];
const mapping: ImportMapping = ImportMappingSchema.parse({
  columns: { publishedAt: 'When', channel: 'network', account: 'Page', externalId: 'Id', permalink: 'Link', author: 'Made by', publisher: 'Published by', source: 'Side' },
  dateFormat: 'DD/MM/YYYY HH:mm',
  timeZone: 'Europe/London',
});

function compiled(m: ImportMapping = mapping, h: string[] = header): CompiledMapping {
  const result = compileMapping(m, h);
  if ('error' in result) throw new Error(result.error);
  return result.compiled;
}

const row = (cells: Partial<Record<(typeof header)[number], string>>) => header.map((h) => cells[h] ?? '');

describe('compileMapping', () => {
  it('When a mapped column is not in the header, then the error names it', () => {
    expect(compileMapping(mapping, ['When', 'Network'])).toEqual({ error: 'the file has no column "Page" (for account)' });
  });

  it('When a fixed channel is given, then it is canonical', () => {
    const fixed = ImportMappingSchema.parse({ columns: { publishedAt: 'When' }, channel: 'Twitter', dateFormat: 'YYYY-MM-DD' });
    expect(compiled(fixed, ['When']).channel).toBe('x');
  });
});

describe('mapRow', () => {
  it('When a row is complete, then it becomes a post with canonical channel, UTC instant and normalised link', () => {
    const cells = row({ When: '31/03/2026 14:05', Network: 'Twitter', Page: '@CafeNord', Id: '17500001', Link: 'https://twitter.com/CafeNord/status/17500001?s=20', 'Made by': ' ana@agency.example ', Side: 'In-house' });
    expect(mapRow(compiled(), cells)).toEqual({
      kind: 'row',
      post: {
        channel: 'x',
        publishedAt: '2026-03-31T13:05:00.000Z',
        account: '@CafeNord',
        externalId: '17500001',
        permalink: 'https://x.com/cafenord/status/17500001',
        author: 'ana@agency.example',
        publisher: null,
        source: 'in_house',
      },
    });
  });

  it('When a row is blank or its date cell has no digit, then it is skipped', () => {
    expect(mapRow(compiled(), row({}))).toEqual({ kind: 'skip' });
    expect(mapRow(compiled(), row({ When: 'Lifetime', Network: 'facebook' }))).toEqual({ kind: 'skip' });
  });

  it('When fields are wrong, then one error names each column and what it expected', () => {
    const cells = row({ When: '03/31/2026 14:05', Network: '', Link: 'not a link', Side: 'partner', 'Made by': 'x'.repeat(201) });
    expect(mapRow(compiled(), cells)).toEqual({
      kind: 'error',
      message: [
        'When: "03/31/2026 14:05" is not a real date or time: expected a date like 31/03/2026 14:05 (DD/MM/YYYY HH:mm)',
        'Network: must not be empty',
        'Made by: must be at most 200 characters',
        'Link: "not a link" is not a web address',
        'Side: must be agency, in_house or co_authored (not "partner")',
      ].join('; '),
    });
  });

  it('When a row is shorter than the header, then missing cells are empty', () => {
    expect(mapRow(compiled(), ['01/04/2026 09:00', 'facebook'])).toMatchObject({ kind: 'row', post: { channel: 'facebook', account: null, permalink: null } });
  });
});

describe('Preview', () => {
  const roster: RosterRule[] = [
    { id: 'r1', kind: 'author', match: 'ana@agency.example', side: 'agency' },
    { id: 'r2', kind: 'author', match: 'ben@brand.example', side: 'in_house' },
    { id: 'r3', kind: 'channel', match: 'Café Nord', side: 'in_house', from: '2026-04-01' },
  ];
  const add = (preview: Preview, line: number, cells: string[]) => preview.add(line, mapRow(compiled(), cells));

  it('When rows are added, then the preview counts them by outcome and side, and lists what the roster does not know', () => {
    const preview = new Preview(new Roster(roster));
    const base = { When: '01/04/2026 09:00', Network: 'facebook', Page: 'Café Nord' };
    add(preview, 2, row({ ...base, Id: '1', 'Made by': 'ana@agency.example' })); // agency by author
    add(preview, 3, row({ ...base, Id: '2', 'Made by': 'ben@brand.example', 'Published by': 'ANA@agency.example' })); // co-authored
    add(preview, 4, row({ ...base, Id: '3', 'Made by': 'dana@brand.example' })); // unknown author, page decides: in-house
    add(preview, 5, row({ ...base, Id: '4', When: '31/03/2026 09:00' })); // page not yet in-house: unclassified
    add(preview, 6, row({ ...base, Id: '1' })); // duplicate id
    add(preview, 7, row({ ...base, Id: '9', Link: 'https://www.facebook.com/1/posts/9' }));
    add(preview, 8, row({ ...base, Id: '10', Link: 'https://m.facebook.com/1/posts/9/?ref=x' })); // duplicate permalink
    add(preview, 9, row({ When: 'Lifetime' }));
    add(preview, 10, row({ ...base, When: 'soon 12' }));
    add(preview, 11, row({ When: '01/05/2026 10:00', Network: 'TikTok', Page: '@cafenord.tt', Side: 'agency', 'Made by': 'who@x.example' })); // explicit
    add(preview, 12, row({ When: '01/05/2026 10:00', Network: 'linkedin', 'Made by': 'Dana@brand.example' }));
    const result = preview.result();
    expect(ImportPreviewSchema.parse(result)).toEqual({
      rows: 11,
      valid: 9,
      skipped: 1,
      errorCount: 1,
      errors: [{ line: 10, message: 'When: "soon 12": expected a date like 31/03/2026 14:05 (DD/MM/YYYY HH:mm)' }],
      bySide: { agency: 2, inHouse: 2, coAuthored: 1, unclassified: 2 },
      unknownAuthors: [{ value: 'dana@brand.example', rows: 2 }],
      unknownChannels: [
        { value: 'Café Nord', rows: 1 },
        { value: 'linkedin', rows: 1 },
      ],
      duplicates: 2,
    });
  });

  it('When the file gives a default side, then rows nothing else places take it', () => {
    const preview = new Preview(new Roster([]), 'agency');
    expect(add(preview, 2, row({ When: '01/04/2026 09:00', Network: 'facebook' }))).toMatchObject({ line: 2, classification: { source: 'agency', classifiedBy: 'default' } });
    expect(preview.result().bySide).toEqual({ agency: 1, inHouse: 0, coAuthored: 0, unclassified: 0 });
  });

  it('When there are many errors, then the first 50 are kept and all are counted', () => {
    const preview = new Preview(new Roster([]));
    for (let line = 2; line < 200; line++) add(preview, line, row({ When: '2026', Network: 'x' }));
    const result = preview.result();
    expect([result.errorCount, result.errors.length, result.errors[0]?.line, result.errors.at(-1)?.line]).toEqual([198, MAX_PREVIEW_ERRORS, 2, 51]);
  });

  it('When keys are added, then a repeat is reported and near-identical keys do not collide', () => {
    const set = new FingerprintSet();
    let repeats = 0;
    for (let i = 0; i < 20_000; i++) if (set.addKey(`facebook\u0000${1042000000 + i}`)) repeats++;
    expect([repeats, set.size]).toEqual([0, 20_000]);
    expect(set.addKey('facebook\u00001042000007')).toBe(true);
    expect(set.addKey('facebook\u00001042000007 ')).toBe(false);
    expect(set.size).toBe(20_001);
  });
});
