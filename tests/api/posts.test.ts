import { PROBLEM_BASE, type Problem } from '@handover/shared';
import { setupApp } from '../support/app';
import { CSV_HEADER, importPosts, planWorld, postInput, type PlanWorld } from '../support/fixtures';
import { expectProblem } from '../support/problem';
import { rollupsVersusLedger } from '../support/rollups';

const t = setupApp();
let w: PlanWorld;
let other: PlanWorld;
const HEADER = `${CSV_HEADER}\n`;

beforeAll(async () => {
  w = await planWorld(t);
  other = await planWorld(t, w.admin);
});

const base = (planId = w.planId) => `/api/v1/plans/${planId}/posts`;
const importCsv = (token: string, csv: string | Buffer, query: Record<string, string> = {}, planId = w.planId) =>
  importPosts(t, token, planId, csv, query);

async function count(planId = w.planId): Promise<number> {
  const res = await t.as(w.admin.token).get(`${base(planId)}?limit=1`);
  return res.body.total as number;
}

async function expectRollupsMatch(planId = w.planId) {
  const { rollups, recount } = await rollupsVersusLedger(t.db, planId);
  expect(rollups).toEqual(recount);
}

describe('recording posts', () => {
  test('When a lead records a post, then it is stored normalised and can be read back', async () => {
    const res = await t.as(w.lead.token).post(base()).send(postInput({ publishedAt: '2026-03-02T11:00:00+01:00', externalId: 'li-1', author: 'Ann' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'linkedin', publishedAt: '2026-03-02T10:00:00.000Z', source: 'in_house', externalId: 'li-1', author: 'Ann', planId: w.planId });
    const read = await t.as(w.executive.token).get(`${base()}/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    await expectRollupsMatch();
  });

  test('When the same channel and externalId is recorded twice, then the second is 409 and nothing is added', async () => {
    await t.as(w.lead.token).post(base()).send(postInput({ externalId: 'dup-1' })).expect(201);
    const before = await count();
    const res = await t.as(w.lead.token).post(base()).send(postInput({ externalId: 'dup-1', channel: 'linkedin ' }));
    expectProblem(res, 409, 'duplicate');
    expect(await count()).toBe(before);
    // The same externalId on another channel, or in another plan, is a different post.
    await t.as(w.lead.token).post(base()).send(postInput({ externalId: 'dup-1', channel: 'x' })).expect(201);
    await t.as(other.lead.token).post(base(other.planId)).send(postInput({ externalId: 'dup-1' })).expect(201);
  });

  test('When agency staff record an in-house post, then 403 and nothing is stored; agency posts are fine', async () => {
    const before = await count();
    const res = await t.as(w.agency.token).post(base()).send(postInput({ source: 'in_house' }));
    expectProblem(res, 403, 'forbidden');
    expectProblem(await t.as(w.agency.token).post(base()).send(postInput({ source: 'co_authored' })), 403);
    expect(await count()).toBe(before);
    await t.as(w.agency.token).post(base()).send(postInput({ source: 'agency' })).expect(201);
    expect(await count()).toBe(before + 1);
  });

  test('When an executive records a post, then 403; a non-member gets 404; anonymous 401', async () => {
    const before = await count();
    expectProblem(await t.as(w.executive.token).post(base()).send(postInput()), 403);
    expectProblem(await t.as(w.outsider.token).post(base()).send(postInput()), 404);
    expectProblem(await t.as().post(base()).send(postInput()), 401);
    expect(await count()).toBe(before);
  });

  test('When a post is invalid, then 422 names each bad field', async () => {
    const res = await t.as(w.lead.token).post(base()).send({ channel: '', publishedAt: '2026-02-30T10:00:00Z', source: 'intern', extra: 1 });
    expectProblem(res, 422, 'validation-failed');
    const paths = (res.body as Problem).errors!.map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['channel', 'publishedAt', 'source']));
    expect(JSON.stringify(res.body.errors)).toContain('extra');
  });

  test('When a post is created with an Idempotency-Key twice, then one post exists and the replay matches', async () => {
    const before = await count();
    const first = await t.as(w.lead.token).post(base()).set('Idempotency-Key', 'post-key-1').send(postInput({ externalId: 'idem-1' }));
    const again = await t.as(w.lead.token).post(base()).set('Idempotency-Key', 'post-key-1').send(postInput({ externalId: 'idem-1' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    const reused = await t.as(w.lead.token).post(base()).set('Idempotency-Key', 'post-key-1').send(postInput({ externalId: 'idem-2' }));
    expectProblem(reused, 422, 'idempotency-key-reused');
    expect(await count()).toBe(before + 1);
  });

  test('When a lead deletes a post, then it is gone and the rollups follow; agency may not delete', async () => {
    const created = await t.as(w.lead.token).post(base()).send(postInput({ publishedAt: '2026-04-01T08:00:00Z' }));
    expectProblem(await t.as(w.agency.token).delete(`${base()}/${created.body.id}`), 403);
    await t.as(w.lead.token).get(`${base()}/${created.body.id}`).expect(200);
    await t.as(w.lead.token).delete(`${base()}/${created.body.id}`).expect(204);
    expectProblem(await t.as(w.lead.token).get(`${base()}/${created.body.id}`), 404);
    expectProblem(await t.as(w.lead.token).delete(`${base()}/${created.body.id}`), 404);
    await expectRollupsMatch();
  });

  test("When a member of another plan uses this plan's post id, then 404", async () => {
    const created = await t.as(w.lead.token).post(base()).send(postInput());
    expectProblem(await t.as(other.lead.token).get(`${base(other.planId)}/${created.body.id}`), 404);
    expectProblem(await t.as(other.lead.token).delete(`${base(other.planId)}/${created.body.id}`), 404);
    await t.as(w.lead.token).get(`${base()}/${created.body.id}`).expect(200);
  });
});

describe('listing posts', () => {
  let plan: PlanWorld;
  beforeAll(async () => {
    plan = await planWorld(t, w.admin);
    const csv =
      HEADER +
      [
        'linkedin,2026-03-01T23:59:59Z,agency,a1,',
        'linkedin,2026-03-02T00:00:00Z,in_house,a2,',
        'x,2026-03-05T12:00:00Z,co_authored,a3,',
        'x,2026-03-09T00:00:00Z,in_house,a4,',
      ].join('\n');
    await importCsv(plan.lead.token, csv, {}, plan.planId).expect(200);
  });

  test('When filtering by source, channel and an inclusive date range, then only matching posts return, newest first', async () => {
    const all = await t.as(plan.executive.token).get(`${base(plan.planId)}`);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['a4', 'a3', 'a2', 'a1']);
    const range = await t.as(plan.agency.token).get(`${base(plan.planId)}?from=2026-03-02&to=2026-03-05`);
    expect(range.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['a3', 'a2']);
    const bySource = await t.as(plan.lead.token).get(`${base(plan.planId)}?source=in_house&channel=X`);
    expect(bySource.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['a4']);
    const paged = await t.as(plan.lead.token).get(`${base(plan.planId)}?limit=1&offset=1`);
    expect(paged.body).toMatchObject({ total: 4, limit: 1, offset: 1 });
    expect(paged.body.items[0].externalId).toBe('a3');
  });

  test('When the list query is invalid, then 422', async () => {
    expectProblem(await t.as(plan.lead.token).get(`${base(plan.planId)}?source=robot`), 422);
    expectProblem(await t.as(plan.lead.token).get(`${base(plan.planId)}?from=2026-13-01`), 422);
    expectProblem(await t.as(plan.lead.token).get(`${base(plan.planId)}?sort=x`), 422);
  });
});

describe('CSV import', () => {
  test('When a valid file is imported, then every row is stored, counted, logged once and the rollups match', async () => {
    const plan = await planWorld(t, w.admin);
    const csv = HEADER + 'linkedin,2026-03-02T10:00:00Z,in_house,i1,Ann\nlinkedin,2026-03-03T10:00:00Z,agency,i2,\nx,2026-03-04T10:00:00+02:00,co_authored,,Bo\n';
    const res = await importCsv(plan.lead.token, csv, {}, plan.planId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ inserted: 3, duplicates: 0, valid: 3, dryRun: false });
    expect(await count(plan.planId)).toBe(3);
    const activity = await t.as(plan.lead.token).get(`/api/v1/plans/${plan.planId}/activity?action=import`);
    expect(activity.body.items).toHaveLength(1);
    expect(activity.body.items[0].changes).toEqual({ rows: 3, inserted: 3, duplicates: 0 });
    await expectRollupsMatch(plan.planId);
  });

  test('When rows duplicate stored posts or each other, then they are skipped and counted', async () => {
    const plan = await planWorld(t, w.admin);
    await importCsv(plan.lead.token, HEADER + 'linkedin,2026-03-02T10:00:00Z,in_house,d1,\n', {}, plan.planId).expect(200);
    const res = await importCsv(
      plan.lead.token,
      HEADER + 'LinkedIn,2026-03-02T10:00:00Z,in_house,d1,\nlinkedin,2026-03-03T10:00:00Z,agency,d2,\nlinkedin,2026-03-03T11:00:00Z,agency,d2,\nlinkedin,2026-03-03T11:00:00Z,agency,,\n',
      {},
      plan.planId,
    );
    expect(res.body).toEqual({ inserted: 2, duplicates: 2, valid: 2, dryRun: false });
    expect(await count(plan.planId)).toBe(3);
    await expectRollupsMatch(plan.planId);
  });

  test('When cells hold backslashes, tabs, quotes, newlines and \\N, then they are stored exactly as written and the first of two duplicates wins', async () => {
    const plan = await planWorld(t, w.admin);
    const author = 'Ann "the voice" \\N back\\slash\ttab\nnew line';
    const csv = HEADER + `linkedin,2026-03-02T10:00:00Z,in_house,"x\\1","${author.replace(/"/g, '""')}"\n` + 'linkedin,2026-03-02T11:00:00Z,agency,"x\\1",second\nx,2026-03-02T12:00:00Z,agency,\\N,\n';
    const res = await importCsv(plan.lead.token, csv, {}, plan.planId);
    expect(res.body).toEqual({ inserted: 2, duplicates: 1, valid: 2, dryRun: false });
    const list = await t.as(plan.lead.token).get(`${base(plan.planId)}?channel=linkedin`).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ externalId: 'x\\1', author, source: 'in_house' });
    const other = await t.as(plan.lead.token).get(`${base(plan.planId)}?channel=x`).expect(200);
    expect(other.body.items[0]).toMatchObject({ externalId: '\\N', author: null });
    await expectRollupsMatch(plan.planId);
  });

  test('When a bad row or a forbidden source comes after many good rows, then nothing is stored and the next import works', async () => {
    const plan = await planWorld(t, w.admin);
    const good = Array.from({ length: 1200 }, (_, i) => `linkedin,2026-03-02T10:00:00Z,agency,m${i},`).join('\n');
    const bad = await importCsv(plan.lead.token, `${HEADER}${good}\nlinkedin,never,agency,late,\n`, {}, plan.planId);
    expectProblem(bad, 422, 'validation-failed');
    expect(bad.body.errors.map((e: { line: number }) => e.line)).toEqual([1202]);
    const forbidden = await importCsv(plan.agency.token, `${HEADER}${good}\nlinkedin,2026-03-02T10:00:00Z,in_house,late,\n`, {}, plan.planId);
    expectProblem(forbidden, 403);
    expect(await count(plan.planId)).toBe(0);
    await expectRollupsMatch(plan.planId);
    const ok = await importCsv(plan.agency.token, `${HEADER}${good}\n`, {}, plan.planId);
    expect(ok.body).toEqual({ inserted: 1200, duplicates: 0, valid: 1200, dryRun: false });
    expect(await count(plan.planId)).toBe(1200);
    await expectRollupsMatch(plan.planId);
  });

  test('When any row is bad, then 422 lists each bad line and nothing is stored', async () => {
    const plan = await planWorld(t, w.admin);
    const csv = HEADER + 'linkedin,2026-03-02T10:00:00Z,in_house,b1,\n,2026-03-02T10:00:00Z,in_house,b2,\nlinkedin,yesterday,robot,b3,\nlinkedin,2026-03-02T10:00:00Z,agency,b4,Ann,extra\n';
    const res = await importCsv(plan.lead.token, csv, {}, plan.planId);
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(res.body.errors[0].message).toMatch(/channel/);
    expect(res.body.errors[1].message).toMatch(/published_at/);
    expect(res.body.errors[1].message).toMatch(/source/);
    expect(res.body.errors[2].message).toMatch(/has \d+ fields?; each row needs 5/);
    expect(await count(plan.planId)).toBe(0);
    await expectRollupsMatch(plan.planId);
  });

  test('When the header is wrong or the file is empty, then 422 at line 1', async () => {
    const plan = await planWorld(t, w.admin);
    const wrong = await importCsv(plan.lead.token, 'channel,date,source\nlinkedin,2026-03-02,agency\n', {}, plan.planId);
    expectProblem(wrong, 422);
    expect(wrong.body.errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
    const empty = await importCsv(plan.lead.token, '', {}, plan.planId);
    expectProblem(empty, 422);
    expect(empty.body.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('empty') });
    const headerOnly = await importCsv(plan.lead.token, HEADER, {}, plan.planId);
    expect(headerOnly.body).toEqual({ inserted: 0, duplicates: 0, valid: 0, dryRun: false });
    expect(await count(plan.planId)).toBe(0);
  });

  test('When the file has a BOM, CRLF lines, and quoted fields with commas, quotes and newlines, then they are read right', async () => {
    const plan = await planWorld(t, w.admin);
    const csv =
      '\uFEFFchannel,published_at,source,external_id,author\r\n' +
      'linkedin,2026-03-02T10:00:00Z,in_house,q1,"Smith, Ann"\r\n' +
      '\r\n' +
      'linkedin,2026-03-02T11:00:00Z,in_house,q2,"The ""Voice""\r\nTeam"\r\n' +
      'linkedin,2026-03-02T12:00:00Z,robot,q3,\r\n';
    const bad = await importCsv(plan.lead.token, csv, {}, plan.planId);
    expectProblem(bad, 422);
    // The bad row starts on line 6: header 1, q1 2, blank 3, q2 on 4-5.
    expect(bad.body.errors).toEqual([{ line: 6, message: expect.stringContaining('source') }]);
    const good = await importCsv(plan.lead.token, csv.replace('robot', 'agency'), {}, plan.planId);
    expect(good.body.inserted).toBe(3);
    const list = await t.as(plan.lead.token).get(`${base(plan.planId)}?source=in_house`);
    const authors = list.body.items.map((p: { author: string }) => p.author).sort();
    expect(authors).toEqual(['Smith, Ann', 'The "Voice"\r\nTeam']);
  });

  test('When the CSV is malformed (an unclosed quote), then 422 and nothing is stored', async () => {
    const plan = await planWorld(t, w.admin);
    const res = await importCsv(plan.lead.token, HEADER + 'linkedin,2026-03-02T10:00:00Z,agency,u1,"unclosed\n', {}, plan.planId);
    expectProblem(res, 422);
    expect(res.body.errors[0].message).toMatch(/not valid CSV/);
    expect(await count(plan.planId)).toBe(0);
  });

  test('When a dry run is asked, then the counts are exact, nothing is stored and no import is logged (only an import_dry_run entry)', async () => {
    const plan = await planWorld(t, w.admin);
    await importCsv(plan.lead.token, HEADER + 'linkedin,2026-03-02T10:00:00Z,in_house,r1,\n', {}, plan.planId).expect(200);
    const res = await importCsv(plan.lead.token, HEADER + 'linkedin,2026-03-02T10:00:00Z,in_house,r1,\nx,2026-03-02T10:00:00Z,agency,r2,\n', { dryRun: 'true' }, plan.planId);
    expect(res.body).toEqual({ inserted: 0, duplicates: 1, valid: 1, dryRun: true });
    expect(await count(plan.planId)).toBe(1);
    const activity = await t.as(plan.lead.token).get(`/api/v1/plans/${plan.planId}/activity?action=import`);
    expect(activity.body.total).toBe(1);
    const dryEntries = await t.as(plan.lead.token).get(`/api/v1/plans/${plan.planId}/activity?action=import_dry_run`);
    expect(dryEntries.body.items.map((a: { changes: unknown }) => a.changes)).toEqual([{ rows: 2, valid: 1, duplicates: 1 }]);
    const badDry = await importCsv(plan.lead.token, HEADER + 'x,nope,agency,r3,\n', { dryRun: 'true' }, plan.planId);
    expectProblem(badDry, 422);
    expect(badDry.body.errors).toEqual([{ line: 2, message: expect.stringContaining('published_at') }]);
    await expectRollupsMatch(plan.planId);
  });

  test('When agency staff import a file holding another source, then the whole import is refused with 403', async () => {
    const plan = await planWorld(t, w.admin);
    const res = await importCsv(plan.agency.token, HEADER + 'x,2026-03-02T10:00:00Z,agency,g1,\nx,2026-03-02T10:00:00Z,in_house,g2,\n', {}, plan.planId);
    expectProblem(res, 403, 'forbidden');
    expect(await count(plan.planId)).toBe(0);
    const ok = await importCsv(plan.agency.token, HEADER + 'x,2026-03-02T10:00:00Z,agency,g1,\n', {}, plan.planId);
    expect(ok.body.inserted).toBe(1);
  });

  test('When executives, non-members or anonymous callers import, then 403, 404 and 401', async () => {
    const csv = HEADER + 'x,2026-03-02T10:00:00Z,agency,e1,\n';
    const before = await count();
    expectProblem(await importCsv(w.executive.token, csv), 403);
    expectProblem(await importCsv(w.outsider.token, csv), 404);
    expectProblem(await t.as().post(`${base()}/import`).set('Content-Type', 'text/csv').send(csv), 401);
    expect(await count()).toBe(before);
  });

  test('When the body is not text/csv, then 415', async () => {
    const res = await t.as(w.lead.token).post(`${base()}/import`).send({ rows: [] });
    expectProblem(res, 415, 'unsupported-media-type');
  });

  test('When a file over 1 MB is imported, then all its rows are stored', async () => {
    const plan = await planWorld(t, w.admin);
    const lines: string[] = [];
    for (let i = 0; i < 16_000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const source = i % 3 === 0 ? 'agency' : i % 3 === 1 ? 'in_house' : 'co_authored';
      lines.push(`channel-${i % 4},2026-02-${day}T${String(i % 24).padStart(2, '0')}:00:00Z,${source},ext-${i},Author number ${i}`);
    }
    const csv = HEADER + lines.join('\n') + '\n';
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1024 * 1024);
    const res = await importCsv(plan.lead.token, csv, {}, plan.planId);
    expect(res.body).toEqual({ inserted: 16_000, duplicates: 0, valid: 16_000, dryRun: false });
    expect(await count(plan.planId)).toBe(16_000);
    await expectRollupsMatch(plan.planId);
  });
});

describe('CSV export', () => {
  test('When posts are exported, then the CSV has the import header, escapes formula cells, and imports back', async () => {
    const plan = await planWorld(t, w.admin);
    await t.as(plan.lead.token).post(base(plan.planId)).send(postInput({ externalId: 'x1', author: '=HYPERLINK("http://evil")' })).expect(201);
    await t.as(plan.lead.token).post(base(plan.planId)).send(postInput({ externalId: 'x2', author: 'Ann, "the voice"', publishedAt: '2026-03-03T10:00:00Z' })).expect(201);
    const res = await t.as(plan.executive.token).get(`${base(plan.planId)}/export`).buffer(true).parse((r, cb) => {
      let data = '';
      r.on('data', (c: Buffer) => (data += c.toString()));
      r.on('end', () => cb(null, data));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.body as string;
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('channel,published_at,source,external_id,author');
    expect(lines[1]).toBe(`linkedin,2026-03-02T10:00:00.000Z,in_house,x1,"'=HYPERLINK(""http://evil"")"`);
    expect(lines[2]).toBe('linkedin,2026-03-03T10:00:00.000Z,in_house,x2,"Ann, ""the voice"""');
    const again = await importCsv(plan.lead.token, text, { dryRun: 'true' }, plan.planId);
    expect(again.body).toMatchObject({ duplicates: 2, valid: 0 });
  });
});

describe('share', () => {
  let plan: PlanWorld;
  beforeAll(async () => {
    plan = await planWorld(t, w.admin);
    // Week of 2026-03-02: 1 agency, 2 in-house, 1 co-authored on linkedin + 1 in-house on x.
    // Week of 2026-03-09: nothing. Week of 2026-03-16: 1 agency on the Sunday edge (2026-03-22 23:59).
    const rows = [
      'linkedin,2026-03-02T00:00:00Z,agency,s1,',
      'linkedin,2026-03-03T10:00:00Z,in_house,s2,',
      'linkedin,2026-03-08T23:59:59Z,in_house,s3,',
      'linkedin,2026-03-04T10:00:00Z,co_authored,s4,',
      'x,2026-03-05T10:00:00Z,in_house,s5,',
      'x,2026-03-22T23:59:59Z,agency,s6,',
      'x,2026-04-01T00:00:00Z,in_house,s7,',
    ];
    await importCsv(plan.lead.token, HEADER + rows.join('\n'), {}, plan.planId).expect(200);
  });

  test('When weekly share is asked, then each ISO week from from to to has a point, empty weeks are zeros', async () => {
    const res = await t.as(plan.agency.token).get(`${base(plan.planId)}/share?interval=week&from=2026-03-04&to=2026-03-17`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      interval: 'week',
      points: [
        { periodStart: '2026-03-02', agency: 1, inHouse: 3, coAuthored: 1, total: 5, inHouseShare: 0.6 },
        { periodStart: '2026-03-09', agency: 0, inHouse: 0, coAuthored: 0, total: 0, inHouseShare: 0 },
        { periodStart: '2026-03-16', agency: 1, inHouse: 0, coAuthored: 0, total: 1, inHouseShare: 0 },
      ],
    });
  });

  test('When a channel filter is given, then only that channel counts (case-insensitive)', async () => {
    const res = await t.as(plan.lead.token).get(`${base(plan.planId)}/share?from=2026-03-02&to=2026-03-08&channel=LinkedIn`);
    expect(res.body.points).toEqual([
      { periodStart: '2026-03-02', agency: 1, inHouse: 2, coAuthored: 1, total: 4, inHouseShare: 0.5 },
    ]);
  });

  test('When monthly share is asked, then points start on the first of each month', async () => {
    const res = await t.as(plan.lead.token).get(`${base(plan.planId)}/share?interval=month&from=2026-02-15&to=2026-04-01`);
    expect(res.body.points).toEqual([
      { periodStart: '2026-02-01', agency: 0, inHouse: 0, coAuthored: 0, total: 0, inHouseShare: 0 },
      { periodStart: '2026-03-01', agency: 2, inHouse: 3, coAuthored: 1, total: 6, inHouseShare: 0.5 },
      { periodStart: '2026-04-01', agency: 0, inHouse: 1, coAuthored: 0, total: 1, inHouseShare: 1 },
    ]);
  });

  test('When from and to are omitted, then the last 12 weeks up to today are returned', async () => {
    t.clock.set('2026-03-25T12:00:00Z');
    const res = await t.as(plan.lead.token).get(`${base(plan.planId)}/share`);
    expect(res.body.points).toHaveLength(12);
    expect(res.body.points[11].periodStart).toBe('2026-03-23');
    expect(res.body.points[0].periodStart).toBe('2026-01-05');
  });

  test('When the range is inverted, too long, or malformed, then 422', async () => {
    expectProblem(await t.as(plan.lead.token).get(`${base(plan.planId)}/share?from=2026-03-10&to=2026-03-01`), 422);
    expectProblem(await t.as(plan.lead.token).get(`${base(plan.planId)}/share?from=1990-01-01&to=2026-03-01`), 422);
    expectProblem(await t.as(plan.lead.token).get(`${base(plan.planId)}/share?interval=day`), 422);
    const bad = await t.as(plan.lead.token).get(`${base(plan.planId)}/share?from=yesterday`);
    expect(bad.body.type).toBe(`${PROBLEM_BASE}validation-failed`);
  });
});
