import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { AppError } from '../../api/src/core/app-error';
import type { PlanCtx } from '../../api/src/core/context';
import { HOLDER } from '../../api/src/modules/posts/import-run';
import { MAX_SPOOLING } from '../../api/src/modules/posts/posts.service';
import { CHUNK_ROWS as CHUNKS } from '../../api/src/modules/posts/post-import';
import { dialect } from '../support/database';
import { setupApp, startApp, type TestApp, type TestUser } from '../support/app';
import { CSV_HEADER, importPosts, planWorld, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { expectProblem } from '../support/problem';
import { rollupsVersusLedger } from '../support/rollups';

const CHUNK_ROWS = CHUNKS[dialect];

// How an import commits (docs/domain.md#imports): in chunks, hidden until one last transaction,
// one at a time per plan, within IMPORT_MAX_MB.

jest.setTimeout(60_000);

const t = setupApp();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-import-commit-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = CHUNK_ROWS * 2 + 500; // three chunks

function csvText(prefix: string, rows: number, extra = ''): string {
  let csv = `${CSV_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const day = String(2 + (i % 20)).padStart(2, '0');
    csv += `${i % 2 ? 'linkedin' : 'x'},2026-03-${day}T10:00:00Z,${i % 3 ? 'agency' : 'in_house'},${prefix}-${i},\n`;
  }
  return csv + extra;
}

function csvFile(prefix: string, rows: number, extra = ''): string {
  const file = path.join(dir, `${prefix}.csv`);
  fs.writeFileSync(file, csvText(prefix, rows, extra));
  return file;
}

function leadCtx(w: PlanWorld): PlanCtx {
  const user = { id: w.lead.id, email: w.lead.email, name: 'Lead', isAdmin: false };
  return { requestId: 'test', clientAddress: 'test', user, credential: { kind: 'api-token', id: 'test' }, planId: w.planId, role: 'lead' };
}

const postsOf = (planId: string) => `/api/v1/plans/${planId}/posts`;

async function visibleTotal(app: TestApp, token: string, planId: string): Promise<number> {
  const res = await app.as(token).get(`${postsOf(planId)}?limit=1`);
  expect(res.status).toBe(200);
  return res.body.total as number;
}

/** Rows in the table, hidden or not. */
async function storedRows(app: TestApp, planId: string): Promise<number> {
  const rows: Array<{ n: string | number }> = await app.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM posts WHERE plan_id = ${app.db.param(1)}`, [planId]));
  return Number(rows[0]!.n);
}

async function openRuns(app: TestApp): Promise<number> {
  const rows: Array<{ n: string | number }> = await app.db.read((m) => m.query('SELECT COUNT(*) AS n FROM import_runs'));
  return Number(rows[0]!.n);
}

async function expectRollupsMatch(app: TestApp, planId: string) {
  const { rollups, recount } = await rollupsVersusLedger(app.db, planId);
  expect(rollups).toEqual(recount);
}

describe('while an import runs', () => {
  test('When an import has committed some chunks, then none of its rows can be read until the last commit, and then all can', async () => {
    const w = await planWorld(t);
    const seen: Array<Record<string, unknown>> = [];
    const result = await t.services.posts.importFile(leadCtx(w), csvFile('hidden', ROWS), {
      dryRun: false,
      afterChunk: async (stored) => {
        const hidden: Array<{ id: string }> = await t.db.read((m) =>
          m.query(`SELECT id FROM posts WHERE plan_id = ${t.db.param(1)} LIMIT 1`, [w.planId]),
        );
        const one = await t.as(w.lead.token).get(`${postsOf(w.planId)}/${hidden[0]!.id}`);
        const removed = await t.as(w.lead.token).delete(`${postsOf(w.planId)}/${hidden[0]!.id}`);
        const exported = await t.as(w.lead.token).get(`${postsOf(w.planId)}/export`);
        const share = await t.as(w.lead.token).get(`${postsOf(w.planId)}/share?interval=week&from=2026-03-02&to=2026-03-22`);
        seen.push({
          stored,
          inTable: await storedRows(t, w.planId),
          total: await visibleTotal(t, w.lead.token, w.planId),
          one: one.status,
          removed: removed.status,
          exportLines: exported.text.trim().split('\n').length,
          shareTotal: (share.body.points as Array<{ total: number }>).reduce((s, p) => s + p.total, 0),
        });
      },
    });
    expect(result).toEqual({ inserted: ROWS, duplicates: 0, valid: ROWS, dryRun: false });
    expect(seen).toEqual([
      { stored: CHUNK_ROWS, inTable: CHUNK_ROWS, total: 0, one: 404, removed: 404, exportLines: 1, shareTotal: 0 },
      { stored: CHUNK_ROWS * 2, inTable: CHUNK_ROWS * 2, total: 0, one: 404, removed: 404, exportLines: 1, shareTotal: 0 },
      { stored: ROWS, inTable: ROWS, total: 0, one: 404, removed: 404, exportLines: 1, shareTotal: 0 },
    ]);
    expect(await visibleTotal(t, w.lead.token, w.planId)).toBe(ROWS);
    expect(await openRuns(t)).toBe(0);
    await expectRollupsMatch(t, w.planId);
    const logged = await activityOf(t, w.lead.token, w.planId, 'action=import');
    expect(logged.items.map((a) => a.changes)).toEqual([{ rows: ROWS, inserted: ROWS, duplicates: 0 }]);
  });

  test('When a second import or dry run into the same plan starts meanwhile, then it gets 409 and stores nothing; another plan imports at once', async () => {
    const w = await planWorld(t);
    const other = await planWorld(t, w.admin);
    const answers: Array<[number, string | undefined]> = [];
    await t.services.posts.importFile(leadCtx(w), csvFile('first', ROWS), {
      dryRun: false,
      afterChunk: async (stored) => {
        if (stored !== CHUNK_ROWS) return;
        for (const query of [{}, { dryRun: 'true' }] as Array<Record<string, string>>) {
          const res = await importPosts(t, w.lead.token, w.planId, csvText('second', 10), query);
          expectProblem(res, 409, 'import-in-progress');
          answers.push([res.status, res.body.detail as string]);
        }
        const elsewhere = await importPosts(t, other.lead.token, other.planId, csvText('elsewhere', 10));
        expect(elsewhere.body).toEqual({ inserted: 10, duplicates: 0, valid: 10, dryRun: false });
      },
    });
    expect(answers).toHaveLength(2);
    expect(answers[0]![1]).toMatch(/Another import into this plan is running/);
    expect(await visibleTotal(t, w.lead.token, w.planId)).toBe(ROWS);
    const second: Array<{ n: string | number }> = await t.db.read((m) =>
      m.query(`SELECT COUNT(*) AS n FROM posts WHERE external_id LIKE 'second-%'`),
    );
    expect(Number(second[0]!.n)).toBe(0);
    expect(await activityOf(t, w.lead.token, w.planId, 'action=import').then((p) => p.total)).toBe(1);
    // The lock is free again.
    const after = await importPosts(t, w.lead.token, w.planId, csvText('second', 10));
    expect(after.body).toMatchObject({ inserted: 10 });
    await expectRollupsMatch(t, w.planId);
  });

  test('When a bad row comes after chunks were committed, then 422, every stored row is deleted again and the lock is free', async () => {
    const w = await planWorld(t);
    let storedMidway = 0;
    const refused = await t.services.posts
      .importFile(leadCtx(w), csvFile('doomed', ROWS, 'x,never,agency,late,\n'), {
        dryRun: false,
        afterChunk: async () => {
          storedMidway = await storedRows(t, w.planId);
        },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect(storedMidway).toBeGreaterThan(0);
    expect(await storedRows(t, w.planId)).toBe(0);
    expect(await openRuns(t)).toBe(0);
    const again = await importPosts(t, w.lead.token, w.planId, csvText('doomed', 3));
    expect(again.body).toMatchObject({ inserted: 3 });
  });
});

describe('dry runs', () => {
  test('When a dry run passes, then nothing is stored, the counts are exact and one import_dry_run entry is logged', async () => {
    const w = await planWorld(t);
    await importPosts(t, w.lead.token, w.planId, csvText('dry', 5)).expect(200);
    const res = await importPosts(t, w.lead.token, w.planId, csvText('dry', ROWS), { dryRun: 'true' });
    expect(res.body).toEqual({ inserted: 0, duplicates: 5, valid: ROWS - 5, dryRun: true });
    expect(await storedRows(t, w.planId)).toBe(5);
    expect(await openRuns(t)).toBe(0);
    const dry = await activityOf(t, w.lead.token, w.planId, 'action=import_dry_run');
    expect(dry.items.map((a) => ({ entity: a.entity, actor: a.actor.id, changes: a.changes }))).toEqual([
      { entity: 'post', actor: w.lead.id, changes: { rows: ROWS, valid: ROWS - 5, duplicates: 5 } },
    ]);
    expect((await activityOf(t, w.lead.token, w.planId, 'action=import')).total).toBe(1);
    // A refused dry run is a refused request: no entry.
    expectProblem(await importPosts(t, w.lead.token, w.planId, `${CSV_HEADER}\nx,nope,agency,z,\n`, { dryRun: 'true' }), 422);
    expect((await activityOf(t, w.lead.token, w.planId, 'action=import_dry_run')).total).toBe(1);
    await expectRollupsMatch(t, w.planId);
  });
});

describe('abandoned imports', () => {
  async function leaveBehind(w: PlanWorld, holder: string, heartbeatAt: string, rows: number): Promise<string> {
    const id = `0190a000-0000-7000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
    const p = (i: number) => t.db.param(i);
    await t.db.write(async (m) => {
      await m.query(
        `INSERT INTO import_runs (id, plan_id, user_id, dry_run, holder, started_at, heartbeat_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})`,
        [id, w.planId, w.lead.id, t.db.dialect === 'sqlite' ? 0 : false, holder, heartbeatAt, heartbeatAt],
      );
      for (let i = 0; i < rows; i++) {
        await m.query(
          `INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at, import_id)
           VALUES (${p(1)}, ${p(2)}, 'x', '2026-03-02T10:00:00.000Z', 'agency', ${p(3)}, NULL, ${p(4)}, ${p(5)})`,
          [`${id.slice(0, 24)}${String(i).padStart(12, '0')}`, w.planId, `left-${id}-${i}`, heartbeatAt, id],
        );
      }
    });
    return id;
  }

  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

  test('When a process on this host died mid-import, then its rows stay hidden and the start-up clean-up deletes them', async () => {
    const w = await planWorld(t);
    await leaveBehind(w, `${deadPid()}:boot@${os.hostname()}`, t.clock.now().toISOString(), 30);
    expect(await storedRows(t, w.planId)).toBe(30);
    expect(await visibleTotal(t, w.lead.token, w.planId)).toBe(0);
    expect(await t.services.posts.cleanUpImports()).toBe(1);
    expect(await storedRows(t, w.planId)).toBe(0);
    expect(await openRuns(t)).toBe(0);
    expect(await t.services.posts.cleanUpImports()).toBe(0);
  });

  test('When another host holds the lock, then imports get 409 until its heartbeat is older than the lease, and the next import then cleans up', async () => {
    const w = await planWorld(t);
    await leaveBehind(w, `4242:boot@elsewhere.example`, t.clock.now().toISOString(), 5);
    expectProblem(await importPosts(t, w.lead.token, w.planId, csvText('blocked', 3)), 409, 'import-in-progress');
    expect(await t.services.posts.cleanUpImports()).toBe(0); // alive as far as anyone here can tell
    t.clock.advance(61_000);
    try {
      const res = await importPosts(t, w.lead.token, w.planId, csvText('blocked', 3));
      expect(res.body).toMatchObject({ inserted: 3 });
    } finally {
      t.clock.reset();
    }
    expect(await storedRows(t, w.planId)).toBe(3);
    expect(await openRuns(t)).toBe(0);
    expect(HOLDER).toMatch(new RegExp(`^${process.pid}:`));
  });
});

describe('upload limits', () => {
  let small: TestApp;
  let w: PlanWorld;
  let lead: TestUser;
  beforeAll(async () => {
    small = await startApp({ IMPORT_MAX_MB: '1' });
    w = await planWorld(small);
    lead = w.lead;
  });
  afterAll(async () => small?.close());

  const MB = 1024 * 1024;

  test('When an upload declares more than IMPORT_MAX_MB, then 413 problem+json and nothing is stored', async () => {
    const big = Buffer.alloc(MB + 1, 'a');
    const res = await small.as(lead.token).post(`${postsOf(w.planId)}/import`).set('Content-Type', 'text/csv').send(big);
    expectProblem(res, 413, 'payload-too-large');
    expect(res.body.detail).toMatch(/1 MB/);
    expect(await storedRows(small, w.planId)).toBe(0);
  });

  test('When a streamed upload grows past IMPORT_MAX_MB without a length, then 413 and no run is left', async () => {
    const body = new PassThrough();
    const pending = small.services.posts.importCsv(leadCtx(w), body, { dryRun: false }).catch((error: unknown) => error);
    body.write(`${CSV_HEADER}\n`);
    body.end(Buffer.alloc(MB, 'a'));
    const error = await pending;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(await openRuns(small)).toBe(0);
  });

  test('When a file just under the cap is imported, then it is stored', async () => {
    let csv = `${CSV_HEADER}\n`;
    for (let i = 0; csv.length < MB - 100; i++) csv += `x,2026-03-02T10:00:00Z,agency,cap-${i},\n`;
    const res = await importPosts(small, lead.token, w.planId, csv);
    expect(res.status).toBe(200);
    expect(await visibleTotal(small, lead.token, w.planId)).toBe(res.body.inserted);
  });

  test(`When ${MAX_SPOOLING} uploads are being received, then one more gets 429 with Retry-After, and later ones go through`, async () => {
    const bodies = Array.from({ length: MAX_SPOOLING }, () => new PassThrough());
    const running = bodies.map((body) => small.services.posts.importCsv(leadCtx(w), body, { dryRun: true }).catch((error: unknown) => error));
    const res = await importPosts(small, lead.token, w.planId, csvText('busy', 1));
    expectProblem(res, 429, 'rate-limited');
    expect(res.headers['retry-after']).toBe('5');
    for (const body of bodies) body.end(`${CSV_HEADER}\n`);
    const settled = await Promise.all(running);
    // They all arrived; one imports at a time, so the others found the plan's lock taken or free.
    for (const outcome of settled) {
      if (outcome instanceof AppError) expect(outcome.status).toBe(409);
      else expect(outcome).toEqual({ inserted: 0, duplicates: 0, valid: 0, dryRun: true });
    }
    const after = await importPosts(small, lead.token, w.planId, csvText('busy', 1));
    expect(after.status).toBe(200);
    expect(await openRuns(small)).toBe(0);
  });
});
