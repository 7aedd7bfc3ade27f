import path from 'node:path';
import { setupApp } from '../support/app';
import { planWorld, type PlanWorld } from '../support/fixtures';
import { runImportCli } from '../support/import-cli';
import { rollupsVersusLedger } from '../support/rollups';
import { postsOf, seedRoster } from './imports/support';

// `npm run import` with the mapped-import flags (docs/domain.md#mapped-imports), run as its own
// process from source on the test's database, like tests/api/import-cli.test.ts.

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/ingest');
const t = setupApp();
let w: PlanWorld;

beforeAll(async () => {
  w = await planWorld(t);
  await seedRoster(t, w.planId);
});

const cli = (args: string[]) => runImportCli(t, args);

const uploadsLeft = async () =>
  Number((await t.db.read((m) => m.query(`SELECT COUNT(*) AS n FROM import_uploads WHERE plan_id = ${t.db.param(1)} AND status <> 'committed'`, [w.planId])))[0].n);

test('When --dry-run is given with a zone, then the detected preset’s preview is printed and nothing is stored', async () => {
  const res = await cli(['--plan', w.planId, '--time-zone', 'Europe/Paris', '--dry-run', path.join(FIXTURES, 'meta-facebook.csv')]);
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/Preview: 6 rows, 5 valid, 1 skipped \(no date\), 0 with errors, 0 duplicates in the file/);
  expect(res.stdout).toMatch(/agency 3, in-house 2, co-authored 0, unclassified 0/);
  expect(res.stdout).toMatch(/Dry run: nothing was stored\./);
  expect(await postsOf(t, w.admin.token, w.planId)).toEqual([]);
  expect(await uploadsLeft()).toBe(0);
});

test('When unclassified rows remain, then the exit code is 1 with the reason, and a default side lets it commit', async () => {
  const file = path.join(FIXTURES, 'meta-instagram.csv');
  const refused = await cli(['--plan', w.planId, '--preset', 'meta_instagram', '--time-zone', 'Europe/Paris', file]);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/unknown accounts\/channels: cafenord\.events \(1\)/);
  expect(refused.stderr).toMatch(/Import refused \(422.*1 unclassified row/);
  expect(await postsOf(t, w.admin.token, w.planId)).toEqual([]);
  const done = await cli(['--plan', w.planId, '--preset', 'meta_instagram', '--time-zone', 'Europe/Paris', '--default-side', 'agency', file]);
  expect(done.code).toBe(0);
  expect(done.stdout).toMatch(/3 inserted, 0 duplicates skipped/);
  expect((await postsOf(t, w.admin.token, w.planId)).map((p) => p.account)).toEqual(['cafenord', 'cafenord', 'cafenord.events']);
  const { rollups, recount } = await rollupsVersusLedger(t.db, w.planId);
  expect(rollups).toEqual(recount);
  expect(await uploadsLeft()).toBe(0);
});

test('When --mapping names a saved mapping, then it is used; an unknown one or bad flags exit 1 or 2', async () => {
  const saved = await t.as(w.lead.token).put(`/api/v1/plans/${w.planId}/import-mappings/x-new`).send({ preset: 'x_analytics' });
  expect(saved.status).toBe(201);
  const res = await cli(['--plan', w.planId, '--mapping', 'x-new', path.join(FIXTURES, 'x-analytics-new.csv')]);
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/3 inserted/);
  const unknown = await cli(['--plan', w.planId, '--mapping', 'nope', path.join(FIXTURES, 'x-analytics-new.csv')]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/404/);
  const both = await cli(['--plan', w.planId, '--mapping', 'x-new', '--preset', 'x_analytics', path.join(FIXTURES, 'x-analytics-new.csv')]);
  expect(both.code).toBe(2);
  const side = await cli(['--plan', w.planId, '--default-side', 'partner', path.join(FIXTURES, 'x-analytics-new.csv')]);
  expect(side.code).toBe(2);
  expect(side.stderr).toMatch(/--default-side takes agency or in_house/);
  const zone = await cli(['--plan', w.planId, '--time-zone', 'Mars/Olympus', path.join(FIXTURES, 'meta-facebook.csv')]);
  expect(zone.code).toBe(2);
  expect(zone.stderr).toMatch(/timeZone: must be an IANA time zone/);
  expect(await uploadsLeft()).toBe(0);
});

test('When the LinkedIn workbook is given, then its sheet and header row are found', async () => {
  const res = await cli(['--plan', w.planId, '--default-side', 'in_house', '--dry-run', path.join(FIXTURES, 'linkedin-all-posts.xlsx')]);
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/Preview: 5 rows, 5 valid/);
  expect(res.stdout).toMatch(/unknown authors: Chloé Martin \(1\)/);
});
