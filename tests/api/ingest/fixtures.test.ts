import fs from 'node:fs';
import path from 'node:path';
import { ImportMappingRequestSchema, ImportMappingSchema, type ImportMappingRequest, type ImportPreview } from '@handover/shared';
import { Roster, overlapping, type RosterRule } from '../../../api/src/modules/ingest/classify';
import { openCsv, peekRecords, previewRecords, type RecordBatches } from '../../../api/src/modules/ingest/pipeline';
import { detectPreset, mappingFromRequest } from '../../../api/src/modules/ingest/presets';
import { listXlsxSheets, readXlsxRows } from '../../../api/src/modules/ingest/xlsx';

// Every fixture end to end: bytes → decode (CSV) or the XLSX reader → preset detection → mapping
// → classification against one hand-made roster → preview, with the side of every stored row.

const dir = path.join(__dirname, '../../fixtures/ingest');
const bytes = (name: string) => fs.readFileSync(path.join(dir, name));

/** The plan: Northstar (the agency) ran the Facebook page and the X account until 31 March 2026. */
const ROSTER: RosterRule[] = [
  { id: 'ana-email', kind: 'author', match: 'ana@northstar.example', side: 'agency' },
  { id: 'ana-name', kind: 'author', match: 'Ana Ruiz', side: 'agency' },
  { id: 'ben-name', kind: 'author', match: 'Ben Okafor', side: 'in_house' },
  { id: 'ben-email', kind: 'author', match: 'ben@cafenord.example', side: 'in_house' },
  { id: 'page-agency', kind: 'channel', match: '104200000000001', side: 'agency', to: '2026-03-31' },
  { id: 'page-inhouse', kind: 'channel', match: '104200000000001', side: 'in_house', from: '2026-04-01' },
  { id: 'ig', kind: 'channel', match: '@cafenord', side: 'in_house' },
  { id: 'x-agency', kind: 'channel', match: 'X', side: 'agency', to: '2026-03-31' },
  { id: 'x-inhouse', kind: 'channel', match: 'twitter', side: 'in_house', from: '2026-04-01' },
];

async function* chunked(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

type Outcome = { preset: string | null; headerRow: number; preview: ImportPreview; sides: Array<[number, string, string?]>; publishedAt: string[] };

async function run(records: RecordBatches, request: Omit<ImportMappingRequest, 'preset'> = {}): Promise<Outcome> {
  const { head, all } = await peekRecords(records, 10);
  const detected = detectPreset(head.map((r) => r.fields));
  if (!detected) throw new Error('no preset detected');
  const body = ImportMappingRequestSchema.parse({ preset: detected.preset.name, ...request });
  const made = mappingFromRequest(body, head[detected.headerRow - 1]!.fields);
  if ('error' in made) throw new Error(made.error);
  const sides: Outcome['sides'] = [];
  const publishedAt: string[] = [];
  const result = await previewRecords(all, {
    mapping: ImportMappingSchema.parse(made.mapping),
    headerRow: detected.headerRow,
    roster: new Roster(ROSTER),
    onRow: ({ line, post, classification }) => {
      publishedAt.push(post.publishedAt);
      sides.push('unclassified' in classification ? [line, 'unclassified'] : [line, classification.source, classification.rosterEntryId ?? classification.classifiedBy]);
    },
  });
  if ('error' in result) throw new Error(result.error);
  return { preset: detected.preset.name, headerRow: detected.headerRow, preview: result.preview, sides, publishedAt };
}

async function runCsv(name: string, request: Omit<ImportMappingRequest, 'preset'> = {}) {
  const opened = await openCsv(chunked(bytes(name), 61));
  const outcome = await run(opened.records, request);
  return { ...outcome, delimiter: opened.delimiter, encoding: opened.encoding() };
}

const preview = (over: Partial<ImportPreview>): ImportPreview => ({
  rows: 0,
  valid: 0,
  skipped: 0,
  errorCount: 0,
  errors: [],
  bySide: { agency: 0, inHouse: 0, coAuthored: 0, unclassified: 0 },
  unknownAuthors: [],
  unknownChannels: [],
  duplicates: 0,
  ...over,
});

describe('ingest fixtures end to end', () => {
  it('When the roster is checked, then no two of its entries clash', () => {
    expect(overlapping(ROSTER)).toEqual([]);
  });

  it('When the Meta Facebook export (BOM, a Lifetime row) is read in Paris time, then the page’s hand-over date decides each side', async () => {
    const out = await runCsv('meta-facebook.csv', { timeZone: 'Europe/Paris' });
    expect([out.encoding, out.delimiter, out.preset, out.headerRow]).toEqual(['utf8', ',', 'meta_facebook', 1]);
    expect(out.preview).toEqual(preview({ rows: 6, valid: 5, skipped: 1, bySide: { agency: 3, inHouse: 2, coAuthored: 0, unclassified: 0 } }));
    expect(out.sides).toEqual([
      [2, 'agency', 'page-agency'],
      [3, 'agency', 'page-agency'],
      [4, 'agency', 'page-agency'], // 1 April 00:30 in Paris is still 31 March in UTC
      [5, 'in_house', 'page-inhouse'],
      [7, 'in_house', 'page-inhouse'],
    ]);
    // 02:30 on 29 March does not exist in Paris (clocks jump to 03:00): it moves forward to 03:30 CEST.
    expect(out.publishedAt).toEqual(['2026-03-28T08:15:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-31T22:30:00.000Z', '2026-04-02T10:00:00.000Z', '2026-04-10T16:45:00.000Z']);
  });

  it('When the same export was re-saved by Excel (semicolons, Windows-1252, day-first dates), then the preset’s format refuses what it cannot read, and the right format reads it all', async () => {
    const asExported = await runCsv('meta-facebook-excel-semicolon.csv', { timeZone: 'Europe/Paris' });
    expect([asExported.encoding, asExported.delimiter, asExported.preset]).toEqual(['windows1252', ';', 'meta_facebook']);
    expect(asExported.preview.errors).toEqual([
      { line: 2, message: 'Publish time: "28/03/2026 09:15" is not a real date or time: expected a date like 03/31/2026 14:05 (MM/DD/YYYY HH:mm)' },
      { line: 3, message: 'Publish time: "29/03/2026 02:30" is not a real date or time: expected a date like 03/31/2026 14:05 (MM/DD/YYYY HH:mm)' },
    ]);
    // The rows it can read, it misreads: 01/04 month-first is 4 January. The preview must show dates.
    expect(asExported.publishedAt).toEqual(['2026-01-03T23:30:00.000Z', '2026-02-04T11:00:00.000Z', '2026-10-04T16:45:00.000Z']);
    const dayFirst = await runCsv('meta-facebook-excel-semicolon.csv', { timeZone: 'Europe/Paris', dateFormat: 'DD/MM/YYYY HH:mm' });
    const original = await runCsv('meta-facebook.csv', { timeZone: 'Europe/Paris' });
    expect(dayFirst.preview).toEqual(original.preview);
    expect(dayFirst.sides).toEqual(original.sides);
    expect(dayFirst.publishedAt).toEqual(original.publishedAt);
  });

  it('When the Meta Instagram export is read, then the known handle is in-house and the other account is listed as unknown', async () => {
    const out = await runCsv('meta-instagram.csv', { timeZone: 'Europe/Paris' });
    expect([out.encoding, out.delimiter, out.preset]).toEqual(['utf8', ',', 'meta_instagram']);
    expect(out.preview).toEqual(
      preview({ rows: 3, valid: 3, bySide: { agency: 0, inHouse: 2, coAuthored: 0, unclassified: 1 }, unknownChannels: [{ value: 'cafenord.events', rows: 1 }] }),
    );
    expect(out.sides).toEqual([
      [2, 'in_house', 'ig'],
      [4, 'in_house', 'ig'], // the caption above spans two lines
      [5, 'unclassified'],
    ]);
    const withDefault = await runCsv('meta-instagram.csv', { timeZone: 'Europe/Paris', defaultSide: 'agency' });
    expect(withDefault.sides[2]).toEqual([5, 'agency', 'default']);
  });

  it('When the older X export arrives as UTF-16 with tabs, then its offsets need no zone and the account’s two roster spellings apply', async () => {
    const out = await runCsv('x-analytics-old-utf16le.csv');
    expect([out.encoding, out.delimiter, out.preset]).toEqual(['utf16le', '\t', 'x_analytics']);
    expect(out.preview).toEqual(preview({ rows: 3, valid: 3, bySide: { agency: 2, inHouse: 1, coAuthored: 0, unclassified: 0 } }));
    expect(out.sides).toEqual([
      [2, 'agency', 'x-agency'],
      [3, 'agency', 'x-agency'],
      [4, 'in_house', 'x-inhouse'],
    ]);
    expect(out.publishedAt).toEqual(['2026-03-28T08:20:00.000Z', '2026-03-30T17:05:00.000Z', '2026-04-01T07:00:00.000Z']);
  });

  it('When the newer X export is read, then its weekday dates keep their calendar day', async () => {
    const out = await runCsv('x-analytics-new.csv');
    expect(out.preset).toBe('x_analytics');
    expect(out.preview).toEqual(preview({ rows: 3, valid: 3, bySide: { agency: 0, inHouse: 3, coAuthored: 0, unclassified: 0 } }));
    expect(out.publishedAt).toEqual(['2026-04-02T00:00:00.000Z', '2026-04-04T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
  });

  it('When the LinkedIn XLSX is read, then the "All posts" sheet is found below its description row and Posted by decides', async () => {
    const file = bytes('linkedin-all-posts.xlsx');
    expect(await listXlsxSheets(file)).toEqual(['Metrics', 'All posts']);
    const firstSheet = await peekRecords(readXlsxRows(file), 10);
    expect(detectPreset(firstSheet.head.map((r) => r.fields))).toBeNull();
    const out = await run(readXlsxRows(file, { sheet: 'All posts' }));
    expect([out.preset, out.headerRow]).toEqual(['linkedin_all_posts', 2]);
    expect(out.preview).toEqual(
      preview({
        rows: 5,
        valid: 5,
        bySide: { agency: 1, inHouse: 2, coAuthored: 0, unclassified: 2 },
        unknownAuthors: [{ value: 'Chloé Martin', rows: 1 }],
        unknownChannels: [{ value: 'linkedin', rows: 2 }],
      }),
    );
    expect(out.sides).toEqual([
      [3, 'agency', 'ana-name'],
      [4, 'in_house', 'ben-name'],
      [5, 'unclassified'],
      [6, 'in_house', 'ben-name'],
      [7, 'unclassified'],
    ]);
    // Date cells and the one text cell read alike, as calendar dates.
    expect(out.publishedAt).toEqual(['2026-03-27T00:00:00.000Z', '2026-04-03T00:00:00.000Z', '2026-04-07T00:00:00.000Z', '2026-04-09T00:00:00.000Z', '2026-04-10T00:00:00.000Z']);
  });

  it('When Handover’s own CSV is read, then explicit sources win, blanks go to the roster, and bad rows and repeats are counted', async () => {
    const out = await runCsv('handover.csv');
    expect(out.preset).toBe('handover');
    expect(out.preview).toEqual(
      preview({
        rows: 8,
        valid: 6,
        errorCount: 2,
        errors: [
          { line: 8, message: 'published_at: "04/05/2026": expected a date like 2026-03-31T14:05:00Z (ISO 8601)' },
          { line: 9, message: 'source: must be agency, in_house or co_authored (not "partner")' },
        ],
        duplicates: 1,
        bySide: { agency: 3, inHouse: 1, coAuthored: 0, unclassified: 1 },
        unknownChannels: [{ value: 'linkedin', rows: 1 }],
      }),
    );
    expect(out.sides).toEqual([
      [2, 'in_house', 'source'],
      [3, 'agency', 'source'],
      [4, 'agency', 'ana-email'],
      [5, 'unclassified'],
      [7, 'agency', 'source'],
    ]);
  });
});
