import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupApp } from '../support/app';
import { csvOf, planWorld, type PlanWorld } from '../support/fixtures';
import { activityOf } from '../support/http';
import { runImportCli, spawnImportCli } from '../support/import-cli';
import { rollupsVersusLedger } from '../support/rollups';

// The CLI runs as its own process on the test's database, from source through tsx (so `npm test`
// needs no build); `npm run import` runs the same file compiled to api/dist/cli/import.js.

jest.setTimeout(60_000);

const t = setupApp();
let w: PlanWorld;
let dir: string;

beforeAll(async () => {
  w = await planWorld(t);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function csvFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, csvOf(lines));
  return file;
}

const cli = (args: string[]) => runImportCli(t, args);

async function total(): Promise<number> {
  const res = await t.as(w.admin.token).get(`/api/v1/plans/${w.planId}/posts?limit=1`);
  return res.body.total as number;
}

test('When a good file is imported, then its rows are stored as the first admin, duplicates are skipped, and the summary says so', async () => {
  const file = csvFile('good.csv', [
    'LinkedIn,2026-03-02T10:00:00Z,agency,li-1,Ann',
    'x,2026-03-03T10:00:00+02:00,in_house,,',
    'linkedin,2026-03-04T10:00:00Z,co_authored,li-1,Ann', // same (channel, externalId) as line 2
  ]);
  const res = await cli(['--plan', w.planId, file]);
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/2 inserted, 1 duplicates skipped, 3 rows/);
  expect(res.stderr).toMatch(/100%\s+3\/3 rows\s+[\d,]+ rows\/s/);
  expect(await total()).toBe(2);
  const { rollups, recount } = await rollupsVersusLedger(t.db, w.planId);
  expect(rollups).toEqual(recount);
  const log = await activityOf(t, w.admin.token, w.planId, 'entity=post');
  expect(log.items[0]).toMatchObject({ action: 'import', actor: { email: w.admin.email }, changes: { inserted: 2, duplicates: 1 } });
});

test('When a file has bad rows, then the exit code is 1, every bad line is listed, and nothing is stored', async () => {
  const before = await total();
  const file = csvFile('bad.csv', [
    'linkedin,2026-03-05T10:00:00Z,agency,ok-1,',
    'linkedin,yesterday,agency,ok-2,',
    'x,2026-03-05T10:00:00Z,intern,ok-3,',
  ]);
  const res = await cli(['--plan', w.planId, file]);
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/Import refused \(422/);
  expect(res.stderr).toMatch(/line 3: published_at/);
  expect(res.stderr).toMatch(/line 4: source/);
  expect(res.stdout).toBe('');
  expect(await total()).toBe(before);
});

test('When --dry-run is given, then the file is checked and counted and nothing is stored', async () => {
  const before = await total();
  const file = csvFile('dry.csv', ['instagram,2026-03-06T10:00:00Z,in_house,ig-1,', 'linkedin,2026-03-02T10:00:00Z,agency,li-1,']);
  const res = await cli(['--plan', w.planId, '--dry-run', file]);
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/Dry run: 2 rows checked .*1 would be inserted, 1 duplicates would be skipped\. Nothing was stored\./);
  expect(await total()).toBe(before);
});

test('When --as names agency staff and the file holds an in-house post, then it is refused whole with 403', async () => {
  const before = await total();
  const file = csvFile('agency.csv', ['linkedin,2026-03-07T10:00:00Z,agency,ag-1,', 'linkedin,2026-03-07T11:00:00Z,in_house,ag-2,']);
  const res = await cli(['--plan', w.planId, '--as', w.agency.email, file]);
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/Import refused \(403/);
  expect(await total()).toBe(before);
});

test('When the plan, the user or the file is wrong, then the exit code is 2 with a clear message', async () => {
  const file = csvFile('one.csv', ['linkedin,2026-03-08T10:00:00Z,agency,,']);
  const noPlan = await cli([file]);
  expect(noPlan.code).toBe(2);
  expect(noPlan.stderr).toMatch(/--plan <planId> is required/);
  const stranger = await cli(['--plan', w.planId, '--as', w.outsider.email, file]);
  expect(stranger.code).toBe(2);
  expect(stranger.stderr).toMatch(/no plan .* that .* belongs to/);
  const nobody = await cli(['--plan', w.planId, '--as', 'nobody@example.com', file]);
  expect(nobody.code).toBe(2);
  expect(nobody.stderr).toMatch(/no user with the email nobody@example.com/);
  const missing = await cli(['--plan', w.planId, path.join(dir, 'missing.csv')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/no such file/);
});

describe('the one-import-per-plan lock', () => {
  const ctxOf = (plan: PlanWorld) => ({
    requestId: 'test',
    clientAddress: 'test',
    user: { id: plan.lead.id, email: plan.lead.email, name: 'Lead', isAdmin: false },
    credential: { kind: 'api-token' as const, id: 'test' },
    planId: plan.planId,
    role: 'lead' as const,
  });
  const bigFile = (name: string, rows: number) =>
    csvFile(name, Array.from({ length: rows }, (_, i) => `x,2026-03-09T10:00:00Z,agency,${name}-${i},`));
  const rowsInTable = async (planId: string) => {
    const rows: Array<{ n: string | number }> = await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM posts WHERE plan_id = ${t.db.param(1)}`, [planId]));
    return Number(rows[0]!.n);
  };

  test('When the API is importing into the plan, then the CLI is refused with 409 and stores nothing', async () => {
    const plan = await planWorld(t, w.admin);
    const cliFile = csvFile('cli-blocked.csv', ['linkedin,2026-03-10T10:00:00Z,agency,blocked-1,']);
    let blocked: Awaited<ReturnType<typeof cli>> | undefined;
    await t.services.posts.importFile(ctxOf(plan), bigFile('api-holds', 2500), {
      dryRun: false,
      afterChunk: async () => {
        blocked ??= await cli(['--plan', plan.planId, '--as', plan.lead.email, cliFile]);
      },
    });
    expect(blocked?.code).toBe(1);
    expect(blocked?.stderr).toMatch(/Import refused \(409 Conflict\): Another import into this plan is running/);
    expect(await rowsInTable(plan.planId)).toBe(2500);
    const after = await cli(['--plan', plan.planId, '--as', plan.lead.email, cliFile]);
    expect(after.code).toBe(0);
    expect(await rowsInTable(plan.planId)).toBe(2501);
  });

  test('When the CLI is killed mid-import, then nothing of it is visible and the next import cleans it up and runs', async () => {
    const plan = await planWorld(t, w.admin);
    const file = bigFile('killed', 200_000);
    const child = spawnImportCli(t, ['--plan', plan.planId, file], 'ignore');
    const exited = new Promise((resolve) => child.on('close', resolve));
    while ((await rowsInTable(plan.planId)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await exited;
    const res = await t.as(plan.lead.token).get(`/api/v1/plans/${plan.planId}/posts?limit=1`);
    expect(res.body.total).toBe(0);
    const next = await t.as(plan.lead.token).post(`/api/v1/plans/${plan.planId}/posts/import`).set('Content-Type', 'text/csv').send(csvOf(['x,2026-03-10T10:00:00Z,agency,killed-0,']));
    expect(next.body).toEqual({ inserted: 1, duplicates: 0, valid: 1, dryRun: false });
    expect(await rowsInTable(plan.planId)).toBe(1);
  });
});

test('When --as names a deactivated user, then the exit code is 2 and nothing is stored', async () => {
  const before = await total();
  const gone = await t.user();
  await t.as(w.admin.token).put(`/api/v1/plans/${w.planId}/members/${gone.id}`).send({ role: 'lead' }).expect(201);
  await t.as(w.admin.token).post(`/api/v1/users/${gone.id}/deactivate`).expect(200);
  const res = await cli(['--plan', w.planId, '--as', gone.email, csvFile('gone.csv', ['linkedin,2026-03-09T10:00:00Z,agency,gone-1,'])]);
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/is deactivated/);
  expect(await total()).toBe(before);
});
