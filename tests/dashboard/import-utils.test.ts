import { ImportMappingRequestSchema, type ImportPreview } from '@handover/shared';
import { readCommitState } from '../../dashboard/src/api/imports/commit-state';
import { uploadTypeOf } from '../../dashboard/src/api/imports/upload-import';
import { checkMapping, initialMapping, toMappingRequest } from '../../dashboard/src/features/imports/utils/mapping';
import { blockers, newPosts, readLine } from '../../dashboard/src/features/imports/utils/preview';

const upload = (over: Partial<Parameters<typeof initialMapping>[0]> = {}): Parameters<typeof initialMapping>[0] => ({
  id: '22222222-2222-4222-8222-222222222222',
  format: 'csv',
  headerRow: 1,
  columns: ['Post ID', 'Page ID', 'Publish time', 'Permalink'],
  sampleRows: [],
  mapping: undefined,
  ...over,
});

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  rows: 10,
  valid: 9,
  skipped: 1,
  errorCount: 0,
  errors: [],
  bySide: { agency: 4, inHouse: 3, coAuthored: 1, unclassified: 0 },
  unknownAuthors: [],
  unknownChannels: [],
  duplicates: 1,
  ...over,
});

describe('mapping form values', () => {
  it('When a preset was recognised, then the request names it with the time zone and nothing else', () => {
    const values = initialMapping(upload({ suggestedPreset: 'meta_facebook' }), 'Europe/Paris');
    expect(values.mode).toBe('preset');
    const check = checkMapping(values, upload());
    expect(check.request).toEqual({ preset: 'meta_facebook', timeZone: 'Europe/Paris' });
    expect(ImportMappingRequestSchema.safeParse(check.request).success).toBe(true);
  });

  it('When no preset fits, then columns are guessed from the headers, and the mapping is incomplete until a date format and a channel are given', () => {
    const values = initialMapping(upload(), 'UTC');
    expect(values.mode).toBe('columns');
    expect(values.columns).toMatchObject({ publishedAt: 'Publish time', account: 'Page ID', externalId: 'Post ID', permalink: 'Permalink' });
    expect(checkMapping(values, upload()).errors).toEqual({ dateFormat: 'must be given with columns' });
    const dated = { ...values, dateFormat: 'MM/DD/YYYY HH:mm' as const };
    expect(checkMapping(dated, upload()).errors).toEqual({ channel: 'give a channel column or a fixed channel' });
    expect(checkMapping({ ...dated, channel: 'facebook' }, upload()).request).toEqual({
      columns: { publishedAt: 'Publish time', account: 'Page ID', externalId: 'Post ID', permalink: 'Permalink' },
      channel: 'facebook',
      dateFormat: 'MM/DD/YYYY HH:mm',
      timeZone: 'UTC',
    });
  });

  it('When the time zone is not an IANA name, then the mapping is refused on that field', () => {
    const values = { ...initialMapping(upload({ suggestedPreset: 'x_analytics' }), 'UTC'), timeZone: 'Mars/Olympus' };
    expect(Object.keys(checkMapping(values, upload()).errors ?? {})).toEqual(['timeZone']);
  });

  it('When the channel comes from a column, then it is sent among the columns, not as a fixed channel; a sheet only for a workbook', () => {
    const values = { ...initialMapping(upload({ columns: ['Date', 'Network'] }), 'UTC'), dateFormat: 'YYYY-MM-DD' as const, sheet: 'Posts' };
    expect(values.channelFrom).toBe('column');
    expect(toMappingRequest(values, upload())).toEqual({ columns: { publishedAt: 'Date', channel: 'Network' }, dateFormat: 'YYYY-MM-DD', timeZone: 'UTC' });
    expect(toMappingRequest(values, { sheets: ['Posts', 'Notes'] })).toMatchObject({ sheet: 'Posts' });
  });

  it('When a file is chosen, then an .xlsx goes as a workbook and anything else as CSV', () => {
    expect(uploadTypeOf({ name: 'All posts.XLSX', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(uploadTypeOf({ name: 'export.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
  });
});

describe('preview', () => {
  it('When every row is valid and classified, then it can be imported: new posts are the rows by side', () => {
    expect(blockers(preview())).toEqual([]);
    expect(newPosts(preview())).toBe(8);
    expect(readLine(preview())).toBe('10 rows read: 9 valid, 1 skipped (no date); 1 duplicate will be skipped.');
  });

  it('When rows have errors or no side, then each is a reason not to import yet', () => {
    const p = preview({ errorCount: 2, bySide: { agency: 1, inHouse: 0, coAuthored: 0, unclassified: 1 } });
    expect(blockers(p)).toEqual([
      '2 rows have errors: fix the mapping or the file.',
      '1 row is not classified: add the unknown authors or channels to the roster, or choose a default side.',
    ]);
  });

  it('When every row is a duplicate, then there is nothing to import', () => {
    expect(blockers(preview({ bySide: { agency: 0, inHouse: 0, coAuthored: 0, unclassified: 0 }, duplicates: 9 }))).toEqual([
      'Every row is a duplicate: there is nothing new to import.',
    ]);
  });
});

describe('commit state', () => {
  it('When the commit answers at once, then its result is read', () => {
    expect(readCommitState({ inserted: 3, duplicates: 1 })).toEqual({ state: 'done', result: { inserted: 3, duplicates: 1 } });
  });

  it('When a long commit is polled, then rows read so far are the progress, then the result ends it', () => {
    expect(readCommitState({ status: 'committing', progress: { rows: 500 } })).toEqual({ state: 'running', done: 500, total: null });
    expect(readCommitState({ status: 'committed', progress: { rows: 900 }, result: { inserted: 900, duplicates: 0 } })).toEqual({
      state: 'done',
      result: { inserted: 900, duplicates: 0 },
    });
  });

  it('When the commit was refused while running, then the upload is open again with the reason', () => {
    expect(readCommitState({ status: 'open', progress: { rows: 0 }, error: { type: 'x', title: 'Invalid', status: 422, detail: '2 rows are unclassified.' } })).toEqual({
      state: 'failed',
      message: '2 rows are unclassified.',
    });
  });
});
