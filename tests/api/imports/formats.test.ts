import { setupApp } from '../../support/app';
import { expectProblem } from '../../support/problem';
import { rollupsVersusLedger } from '../../support/rollups';
import { XLSX, commit, fixture, importsPath, mapping, postsOf, rosterPlan, shareOf, upload } from './support';

// Each documented export through the API's two steps (docs/domain.md#mapped-imports): the upload
// finds the preset, the mapping previews every row, the commit stores them, read back as posts.

jest.setTimeout(30_000);
const t = setupApp();
let admin: { token: string };
beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
});

describe('mapped imports of real exports', () => {
  it('When the Meta Facebook export (BOM, a Lifetime row) is imported in Paris time, then the rows are stored in UTC with the page as account and the hand-over date deciding sides', async () => {
    const planId = await rosterPlan(t, admin.token);
    const up = await upload(t, admin.token, planId, fixture('meta-facebook.csv'));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'csv', headerRow: 1, suggestedPreset: 'meta_facebook' });
    expect(up.body.columns.slice(0, 3)).toEqual(['Post ID', 'Page ID', 'Page name']); // the BOM is not part of the first name
    expect(up.body.sampleRows).toHaveLength(5);
    expect(up.body.mapping).toBeUndefined(); // Meta's times carry no zone: the person must choose one
    expect(up.headers.location ?? null).toBeNull();

    const preview = await mapping(t, admin.token, planId, up.body.id, { preset: 'meta_facebook', timeZone: 'Europe/Paris' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 6, valid: 5, skipped: 1, errorCount: 0, duplicates: 0, bySide: { agency: 3, inHouse: 2, coAuthored: 0, unclassified: 0 } });

    const done = await commit(t, admin.token, planId, up.body.id);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ inserted: 5, duplicates: 0 });
    const posts = await postsOf(t, admin.token, planId);
    expect(posts.map((p) => [p.publishedAt, p.source, p.channel, p.account, p.classifiedBy, p.origin])).toEqual([
      ['2026-03-28T08:15:00.000Z', 'agency', 'facebook', '104200000000001', 'roster', `import:${up.body.id}`],
      ['2026-03-29T01:30:00.000Z', 'agency', 'facebook', '104200000000001', 'roster', `import:${up.body.id}`],
      ['2026-03-31T22:30:00.000Z', 'agency', 'facebook', '104200000000001', 'roster', `import:${up.body.id}`], // 1 April 00:30 in Paris
      ['2026-04-02T10:00:00.000Z', 'in_house', 'facebook', '104200000000001', 'roster', `import:${up.body.id}`],
      ['2026-04-10T16:45:00.000Z', 'in_house', 'facebook', '104200000000001', 'roster', `import:${up.body.id}`],
    ]);
    expect(posts[0]!.permalink).toBe('https://facebook.com/104200000000001/posts/900000000000001');
    expect(posts.every((p) => p.rosterEntryId !== null)).toBe(true);
    expect(await shareOf(t, admin.token, planId)).toEqual({ agency: 3, inHouse: 2, coAuthored: 0 });
    const state = await rollupsVersusLedger(t.db, planId);
    expect(state.rollups).toEqual(state.recount);
    const status = await t.as(admin.token).get(importsPath(planId, `/${up.body.id}`));
    expect(status.body).toMatchObject({ status: 'committed', result: { inserted: 5, duplicates: 0 }, progress: { rows: 6 } });
  });

  it('When Excel re-saved it (semicolons, Windows-1252, day-first), then the preset format refuses to commit, and the day-first format stores the same posts', async () => {
    const planId = await rosterPlan(t, admin.token);
    const up = await upload(t, admin.token, planId, fixture('meta-facebook-excel-semicolon.csv'));
    expect(up.status).toBe(201);
    expect(up.body.suggestedPreset).toBe('meta_facebook');
    expect(up.body.sampleRows[0][2]).toBe('Café Nord'); // decoded from Windows-1252
    const wrong = await mapping(t, admin.token, planId, up.body.id, { preset: 'meta_facebook', timeZone: 'Europe/Paris' });
    expect(wrong.body.errorCount).toBe(2);
    expect(wrong.body.errors[0]).toEqual({ line: 2, message: expect.stringContaining('"28/03/2026 09:15" is not a real date') });
    const refused = await commit(t, admin.token, planId, up.body.id);
    expectProblem(refused, 422, 'validation-failed');
    expect(await postsOf(t, admin.token, planId)).toEqual([]);

    const right = await mapping(t, admin.token, planId, up.body.id, { preset: 'meta_facebook', timeZone: 'Europe/Paris', dateFormat: 'DD/MM/YYYY HH:mm' });
    expect(right.body).toMatchObject({ rows: 6, valid: 5, skipped: 1, errorCount: 0 });
    expect((await commit(t, admin.token, planId, up.body.id)).body).toEqual({ inserted: 5, duplicates: 0 });
    expect((await postsOf(t, admin.token, planId)).map((p) => p.publishedAt)).toEqual([
      '2026-03-28T08:15:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-31T22:30:00.000Z',
      '2026-04-02T10:00:00.000Z',
      '2026-04-10T16:45:00.000Z',
    ]);
  });

  it('When the Instagram export has an account the roster does not know, then the commit is refused (422) until a default side classifies it', async () => {
    const planId = await rosterPlan(t, admin.token);
    const up = await upload(t, admin.token, planId, fixture('meta-instagram.csv'));
    expect(up.body.suggestedPreset).toBe('meta_instagram');
    const preview = await mapping(t, admin.token, planId, up.body.id, { preset: 'meta_instagram', timeZone: 'Europe/Paris' });
    expect(preview.body).toMatchObject({ bySide: { agency: 0, inHouse: 2, coAuthored: 0, unclassified: 1 }, unknownChannels: [{ value: 'cafenord.events', rows: 1 }] });
    const refused = await commit(t, admin.token, planId, up.body.id);
    expectProblem(refused, 422, 'validation-failed');
    expect(refused.body.detail).toMatch(/1 unclassified row/);
    expect(await postsOf(t, admin.token, planId)).toEqual([]);
    expect(await shareOf(t, admin.token, planId)).toEqual({ agency: 0, inHouse: 0, coAuthored: 0 });
    const reopened = await t.as(admin.token).get(importsPath(planId, `/${up.body.id}`));
    expect(reopened.body).toMatchObject({ status: 'open', error: { status: 422 } });

    await mapping(t, admin.token, planId, up.body.id, { preset: 'meta_instagram', timeZone: 'Europe/Paris', defaultSide: 'agency' });
    expect((await commit(t, admin.token, planId, up.body.id)).body).toEqual({ inserted: 3, duplicates: 0 });
    const posts = await postsOf(t, admin.token, planId);
    expect(posts.map((p) => [p.account, p.source, p.classifiedBy])).toEqual([
      ['cafenord', 'in_house', 'roster'],
      ['cafenord', 'in_house', 'roster'],
      ['cafenord.events', 'agency', 'default'],
    ]);
  });

  it('When the older X export arrives as UTF-16 with tabs, then its own offsets place the posts and the mapping came with the upload', async () => {
    const planId = await rosterPlan(t, admin.token);
    const up = await upload(t, admin.token, planId, fixture('x-analytics-old-utf16le.csv'));
    expect(up.body).toMatchObject({ suggestedPreset: 'x_analytics', mapping: { channel: 'x', dateFormat: 'YYYY-MM-DD HH:mm Z' } });
    expect(up.body.columns.slice(0, 2)).toEqual(['Tweet id', 'Tweet permalink']);
    // The upload's own mapping is complete (the offsets are in the values): it commits without a PUT.
    expect((await commit(t, admin.token, planId, up.body.id)).body).toEqual({ inserted: 3, duplicates: 0 });
    const posts = await postsOf(t, admin.token, planId);
    expect(posts.map((p) => [p.publishedAt, p.source, p.channel])).toEqual([
      ['2026-03-28T08:20:00.000Z', 'agency', 'x'],
      ['2026-03-30T17:05:00.000Z', 'agency', 'x'],
      ['2026-04-01T07:00:00.000Z', 'in_house', 'x'],
    ]);
    expect(posts[0]!.permalink).toMatch(/^https:\/\/x\.com\/cafenord\/status\//); // twitter.com normalised
  });

  it('When the newer X export is imported, then its weekday dates keep their calendar day', async () => {
    const planId = await rosterPlan(t, admin.token);
    const up = await upload(t, admin.token, planId, fixture('x-analytics-new.csv'));
    expect(up.body.columns.slice(0, 4)).toEqual(['Post id', 'Date', 'Post text', 'Post Link']);
    const preview = await mapping(t, admin.token, planId, up.body.id, { preset: 'x_analytics' });
    expect(preview.body).toMatchObject({ rows: 3, valid: 3, bySide: { inHouse: 3, unclassified: 0 } });
    expect((await commit(t, admin.token, planId, up.body.id)).body).toEqual({ inserted: 3, duplicates: 0 });
    expect((await postsOf(t, admin.token, planId)).map((p) => p.publishedAt)).toEqual(['2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '2026-04-04T00:00:00.000Z']);
  });

  it('When the LinkedIn XLSX is uploaded, then its "All posts" sheet is found below the description row and Posted by decides', async () => {
    const planId = await rosterPlan(t, admin.token);
    const up = await upload(t, admin.token, planId, fixture('linkedin-all-posts.xlsx'), XLSX);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'xlsx', sheets: ['Metrics', 'All posts'], headerRow: 2, suggestedPreset: 'linkedin_all_posts' });
    const preview = await mapping(t, admin.token, planId, up.body.id, { preset: 'linkedin_all_posts', defaultSide: 'in_house' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 5, valid: 5, bySide: { agency: 1, inHouse: 4, unclassified: 0 }, unknownAuthors: [{ value: 'Chloé Martin', rows: 1 }] });
    expect((await commit(t, admin.token, planId, up.body.id)).body).toEqual({ inserted: 5, duplicates: 0 });
    const posts = await postsOf(t, admin.token, planId);
    expect(posts.map((p) => p.publishedAt)).toEqual(['2026-03-27T00:00:00.000Z', '2026-04-03T00:00:00.000Z', '2026-04-07T00:00:00.000Z', '2026-04-09T00:00:00.000Z', '2026-04-10T00:00:00.000Z']);
    expect(posts.map((p) => p.source)).toEqual(['agency', 'in_house', 'in_house', 'in_house', 'in_house']);
    // Naming the sheet without a header row reads its first row as the header: the preset then does not fit.
    const other = await upload(t, admin.token, planId, fixture('linkedin-all-posts.xlsx'), XLSX);
    const wrongSheet = await mapping(t, admin.token, planId, other.body.id, { preset: 'linkedin_all_posts', sheet: 'Metrics' });
    expectProblem(wrongSheet, 422, 'validation-failed');
  });

  it('When a body is neither CSV nor XLSX, or a workbook is damaged, then it is refused and nothing is kept', async () => {
    const planId = await rosterPlan(t, admin.token, []);
    expectProblem(await upload(t, admin.token, planId, '{}', 'application/json'), 415);
    expectProblem(await upload(t, admin.token, planId, ''), 422, 'validation-failed');
    const damaged = await upload(t, admin.token, planId, Buffer.from('PK\u0003\u0004 not really a zip'), XLSX);
    expectProblem(damaged, 422, 'validation-failed');
    const rows = await t.db.read((m) => m.query('SELECT COUNT(*) AS n FROM import_uploads WHERE plan_id = $1'.replace('$1', t.db.param(1)), [planId]));
    expect(Number(rows[0].n)).toBe(0);
  });
});
