import type { EntityManager } from 'typeorm';
import type { Db } from '../../api/src/db/data-source';
import { RollupDelta } from '../../api/src/modules/posts/rollups';
import { startApp, type TestApp } from '../support/app';
import { milestoneInput, planInput, planWorld, type PlanWorld } from '../support/fixtures';
import { expectFieldError, expectProblem } from '../support/problem';
import { expectRollupsMatch } from './support/db-check';
import { difference, snapshot } from './support/snapshot';

/** One test per bug the fuzzer found, kept as plain examples so they never come back. */

let t: TestApp;
let w: PlanWorld;
beforeAll(async () => {
  t = await startApp();
  w = await planWorld(t);
});
afterAll(async () => t.close());

const posts = () => `/api/v1/plans/${w.planId}/posts`;

async function expectNothingChanges(action: () => Promise<void>): Promise<void> {
  const before = await snapshot(t.db);
  await action();
  expect(difference(before, await snapshot(t.db))).toEqual({});
}

test('When a post names a channel holding a NUL character, then 422 names the field and nothing is stored (was: a corrupt rollup row on SQLite, a 500 on PostgreSQL)', async () => {
  await expectNothingChanges(async () => {
    const res = await t.as(w.lead.token).post(posts()).send({ channel: 'a\u0000b', publishedAt: '2025-11-01T11:59:56Z', source: 'agency' });
    expectFieldError(res, 'channel', { message: 'must not contain the NUL character', only: true });
  });
  await expectRollupsMatch(t.db, w.planId);
});

test('When a NUL character hides in a key, a nested value or a query parameter, then 422, never a 500', async () => {
  await expectNothingChanges(async () => {
    const nested = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/milestones`).send(milestoneInput({ title: 'T', dueDate: '2026-03-02', dependsOn: ['x\u0000'] }));
    expectFieldError(nested, 'dependsOn.0', { message: 'must not contain the NUL character', only: true });
    const key = await t.as(w.lead.token).post(posts()).set('Content-Type', 'application/json').send('{"chan\\u0000nel":"x"}');
    expectProblem(key, 422, 'validation-failed');
  });
  const query = await t.as(w.lead.token).get(`${posts()}?channel=a%00b`);
  expectFieldError(query, 'channel', { message: 'must not contain the NUL character', only: true });
});

test('When a CSV import holds a NUL character in a cell, then the whole import is 422 with the line, and nothing is stored', async () => {
  const csv = Buffer.concat([
    Buffer.from('channel,published_at,source,external_id,author\nlinkedin,2026-03-02T10:00:00Z,agency,ok-1,\nlinked'),
    Buffer.from([0]),
    Buffer.from('in,2026-03-02T10:00:00Z,agency,nul-1,\n'),
  ]);
  await expectNothingChanges(async () => {
    const res = await t.as(w.lead.token).post(`${posts()}/import`).set('Content-Type', 'text/csv').send(csv);
    expectProblem(res, 422, 'validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/NUL/) })]);
  });
});

test('When a JSON body is nested 150,000 levels deep, then 422 (or 400), never a 500', async () => {
  for (const body of ['['.repeat(150_000) + ']'.repeat(150_000), '{"a":'.repeat(150_000) + '1' + '}'.repeat(150_000)]) {
    const res = await t.as(w.lead.token).post(posts()).set('Content-Type', 'application/json').send(body);
    expect([400, 413, 422]).toContain(res.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }
});

test('When rollup deltas carry a channel with separator characters, then each row keeps its channel and source', async () => {
  const calls: unknown[][] = [];
  const m = { query: async (_sql: string, values: unknown[]) => void calls.push(values) } as unknown as EntityManager;
  const db = { param: () => '?' } as unknown as Db;
  const delta = new RollupDelta();
  delta.add('2025-11-01', 'a\u0000b', 'agency');
  delta.add('2025-11-01', 'a|b,"c"', 'in_house', 2);
  await delta.apply(db, m, 'plan');
  const daily = calls[0]!;
  expect(daily).toEqual(['plan', '2025-11-01', 'a\u0000b', 'agency', 1, 'plan', '2025-11-01', 'a|b,"c"', 'in_house', 2]);
});

test.each([
  ['the share of posts', (id: string) => `/api/v1/plans/${id}/posts/share?to=9999-12-31`],
  ['the share of posts by month', (id: string) => `/api/v1/plans/${id}/posts/share?interval=month&to=9999-12-31`],
  ['the summary', (id: string) => `/api/v1/plans/${id}/summary?asOf=9999-12-31`],
  ['the posts list', (id: string) => `/api/v1/plans/${id}/posts?from=0000-01-01`],
])('When %s is asked about the last days of year 9999 (or year 0), then 422 (the share once looped without end there, until the server ran out of memory)', async (_what, url) => {
  const res = await t.as(w.executive.token).get(url(w.planId));
  expectProblem(res, 422, 'validation-failed');
  expect(JSON.stringify(res.body.errors)).toMatch(/must be between 1970-01-01 and 9000-12-31/);
});

test('When a plan or milestone is given a date outside 1970..9000, then 422 and nothing is stored', async () => {
  await expectNothingChanges(async () => {
    const plan = await t.as(w.admin.token).post('/api/v1/plans').send(planInput({ name: 'Far', brand: 'B', agencyName: 'A', targetExitDate: '9999-12-31', contractEndDate: undefined }));
    expectFieldError(plan, 'targetExitDate', { message: 'must be between 1970-01-01 and 9000-12-31', only: true });
    const ms = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/milestones`).send(milestoneInput({ title: 'Old', dueDate: '1969-12-31' }));
    expectProblem(ms, 422, 'validation-failed');
  });
  const ok = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/posts/share?interval=month&from=8990-01-01&to=9000-12-31`);
  expect(ok.status).toBe(200);
  expect(ok.body.points.at(-1).periodStart).toBe('9000-12-01');
});
