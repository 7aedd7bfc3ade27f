import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlanCtx } from '../../api/src/core/context';
import { CHUNK_ROWS as CHUNKS } from '../../api/src/modules/posts/post-import';
import { dialect } from '../support/database';
import { setupApp } from '../support/app';
import { CSV_HEADER, createPost, importPosts, planWorld, type PlanWorld } from '../support/fixtures';
import { rollupsVersusLedger } from '../support/rollups';
import { commit, mapping, postsOf, rosterPlan, upload } from './imports/support';

const CHUNK_ROWS = CHUNKS[dialect];

// How a chunk is stored does not change what is stored (docs/performance.md#postgresql-import): on
// PostgreSQL a chunk is one COPY while chunks hold no duplicates, else an INSERT that skips them;
// these files make both happen, and the same expectations hold on SQLite.

jest.setTimeout(60_000);

const t = setupApp();
let w: PlanWorld;
beforeAll(async () => {
  w = await planWorld(t);
});

type Stored = { channel: string; external_id: string | null; author: string | null; source: string; published_at: string };

/** Every row of the plan in the table, keyed by external id (or channel and author when it has none). */
async function storedRows(planId: string): Promise<Stored[]> {
  return t.db.read((m) =>
    m.query(`SELECT channel, external_id, author, source, published_at FROM posts WHERE plan_id = ${t.db.param(1)}`, [planId]),
  );
}

async function expectRollupsMatch(planId: string) {
  const { rollups, recount } = await rollupsVersusLedger(t.db, planId);
  expect(rollups).toEqual(recount);
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
const line = (channel: string, at: string, source: string, id: string, author = '') =>
  [channel, at, source, id, author].map(quote).join(',');

function leadCtx(world: PlanWorld): PlanCtx {
  const user = { id: world.lead.id, email: world.lead.email, name: 'Lead', isAdmin: false };
  return { requestId: 'test', clientAddress: 'test', user, credential: { kind: 'api-token', id: 'test' }, planId: world.planId, role: 'lead' };
}

describe('the plain import, chunk by chunk', () => {
  test('When no row repeats and cells hold backslashes, tabs, carriage returns, newlines and \\N, then every cell is stored exactly as written', async () => {
    const plan = await planWorld(t, w.admin);
    const cells = [
      ['we\\b', 'a\\1', 'back\\slash'],
      ['tab\tin', 'b\t2', 'tab\there'],
      ['x', '\\N', 'line\nbreak and\r\nCRLF'],
      ['x', 'c\r3', '\\N'],
      ['linkedin', 'plain', 'Ann "the voice"'],
    ];
    const csv = `${CSV_HEADER}\n${cells.map(([c, id, a], i) => line(c!, `2026-03-0${i + 2}T10:00:00Z`, 'in_house', id!, a)).join('\n')}\n${line('x', '2026-03-09T10:00:00Z', 'agency', '', '')}\n`;
    const res = await importPosts(t, plan.lead.token, plan.planId, csv);
    expect(res.body).toEqual({ inserted: 6, duplicates: 0, valid: 6, dryRun: false });
    const stored = await storedRows(plan.planId);
    expect(stored.map((s) => [s.channel, s.external_id, s.author]).sort()).toEqual(
      [...cells.map(([c, id, a]) => [c, id, a]), ['x', null, null]].sort(),
    );
    await expectRollupsMatch(plan.planId);
  });

  test('When one chunk repeats stored posts and earlier rows, and later chunks are clean or repeat an early row, then each row is stored once, the first wins, and the counts and rollups are exact', async () => {
    const plan = await planWorld(t, w.admin);
    const stored = `${CSV_HEADER}\n${line('x', '2026-03-01T10:00:00Z', 'agency', 'old-1')}\n${line('linkedin', '2026-03-01T10:00:00Z', 'agency', 'old-2')}\n`;
    expect((await importPosts(t, plan.lead.token, plan.planId, stored)).body).toMatchObject({ inserted: 2 });
    const rows: string[] = [];
    const at = (i: number) => `2026-03-${String(2 + (i % 25)).padStart(2, '0')}T10:00:00Z`;
    const channel = (i: number) => (i % 2 ? 'x' : 'linkedin');
    const source = (i: number) => (i % 3 ? 'agency' : 'in_house');
    const fresh = (i: number) => line(channel(i), at(i), source(i), `f-${i}`);
    for (let i = 0; i < CHUNK_ROWS * 4 + 10; i++) rows.push(fresh(i));
    // Chunk 2: a stored post, a row of chunk 1 and a row of its own again, each on another source.
    rows[CHUNK_ROWS + 5] = line('x', at(5), 'co_authored', 'old-1');
    rows[CHUNK_ROWS + 6] = line(channel(3), at(3), 'co_authored', 'f-3');
    rows[CHUNK_ROWS + 8] = line(channel(CHUNK_ROWS + 7), at(7), 'co_authored', `f-${CHUNK_ROWS + 7}`);
    // Chunk 4: a row of chunk 1 again. Rows without an external id are never duplicates.
    rows[CHUNK_ROWS * 3 + 2] = line(channel(10), at(10), 'co_authored', 'f-10');
    rows[CHUNK_ROWS * 3 + 3] = line('linkedin', at(1), 'in_house', '');
    rows[CHUNK_ROWS * 3 + 4] = line('linkedin', at(1), 'in_house', '');
    const res = await importPosts(t, plan.lead.token, plan.planId, `${CSV_HEADER}\n${rows.join('\n')}\n`);
    expect(res.body).toEqual({ inserted: rows.length - 4, duplicates: 4, valid: rows.length - 4, dryRun: false });
    const all = await storedRows(plan.planId);
    expect(all).toHaveLength(2 + rows.length - 4);
    const byId = new Map(all.filter((s) => s.external_id).map((s) => [`${s.channel}|${s.external_id}`, s.source]));
    expect(byId.get('x|old-1')).toBe('agency');
    for (const i of [3, CHUNK_ROWS + 7, 10]) expect(byId.get(`${channel(i)}|f-${i}`)).toBe(source(i));
    expect(all.filter((s) => s.external_id === null)).toHaveLength(2);
    expect(all.filter((s) => s.source === 'co_authored')).toEqual([]);
    await expectRollupsMatch(plan.planId);
  });

  test('When a post is recorded meanwhile with the key of a row in a later chunk, then that row is skipped as a duplicate and the recorded post stays', async () => {
    const plan = await planWorld(t, w.admin);
    let csv = `${CSV_HEADER}\n`;
    for (let i = 0; i < CHUNK_ROWS * 2; i++) csv += `${line('x', '2026-03-02T10:00:00Z', 'agency', `r-${i}`)}\n`;
    const file = path.join(os.tmpdir(), `handover-copy-race-${process.pid}.csv`);
    fs.writeFileSync(file, csv);
    let recorded = false;
    const result = await t.services.posts.importFile(leadCtx(plan), file, {
      dryRun: false,
      afterChunk: async () => {
        if (recorded) return;
        recorded = true;
        await createPost(t, plan.lead.token, plan.planId, { channel: 'x', externalId: `r-${CHUNK_ROWS + 1}`, source: 'in_house', publishedAt: '2026-03-03T10:00:00Z' });
      },
    });
    fs.rmSync(file, { force: true });
    expect(result).toEqual({ inserted: CHUNK_ROWS * 2 - 1, duplicates: 1, valid: CHUNK_ROWS * 2 - 1, dryRun: false });
    const all = await storedRows(plan.planId);
    expect(all).toHaveLength(CHUNK_ROWS * 2);
    expect(all.find((s) => s.external_id === `r-${CHUNK_ROWS + 1}`)).toMatchObject({ source: 'in_house', published_at: '2026-03-03T10:00:00.000Z' });
    await expectRollupsMatch(plan.planId);
  });
});

describe('the mapped import', () => {
  const header = 'Network,When,Id,Link,By,Account';
  const columns = { columns: { channel: 'Network', publishedAt: 'When', externalId: 'Id', permalink: 'Link', author: 'By', account: 'Account' }, dateFormat: 'ISO 8601' };

  test('When only permalinks repeat stored posts, then those rows are skipped and the others keep every mapped field', async () => {
    const planId = await rosterPlan(t, w.admin.token);
    const first = await upload(t, w.admin.token, planId, `${header}\nx,2026-04-02T10:00:00Z,x-1,https://x.com/cafenord/status/1,Ana Ruiz,\n`);
    await mapping(t, w.admin.token, planId, first.body.id, columns).expect(200);
    expect((await commit(t, w.admin.token, planId, first.body.id)).body).toEqual({ inserted: 1, duplicates: 0 });
    const second = await upload(
      t,
      w.admin.token,
      planId,
      `${header}\n` +
        'x,2026-04-03T10:00:00Z,x-9,https://twitter.com/cafenord/status/1,Ana Ruiz,\n' + // the stored permalink, another id
        'x,2026-04-03T11:00:00Z,x-2,https://x.com/cafenord/status/2,"Ben\tOkafor",@cafenord\n' +
        'x,2026-04-03T12:00:00Z,x-3,,Nobody Known,@cafenord\n',
    );
    await mapping(t, w.admin.token, planId, second.body.id, columns).expect(200);
    expect((await commit(t, w.admin.token, planId, second.body.id)).body).toEqual({ inserted: 2, duplicates: 1 });
    const posts = await postsOf(t, w.admin.token, planId);
    expect(posts.map((p) => p.externalId)).toEqual(['x-1', 'x-2', 'x-3']);
    expect(posts[1]).toMatchObject({
      author: 'Ben\tOkafor',
      account: '@cafenord',
      permalink: 'https://x.com/cafenord/status/2',
      classifiedBy: 'roster',
      origin: `import:${second.body.id}`,
      source: 'in_house',
    });
    expect(posts[1]!.rosterEntryId).toEqual(expect.any(String));
    expect(posts[2]).toMatchObject({ author: 'Nobody Known', permalink: null, classifiedBy: 'roster', source: 'in_house' });
    const state = await rollupsVersusLedger(t.db, planId);
    expect(state.rollups).toEqual(state.recount);
  });
});
