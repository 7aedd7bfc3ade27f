import { Client as PgClient } from 'pg';
import { LISTENER_APPLICATION_NAME } from '../../api/src/db/cache-listener';
import { Client, type Account } from '../support/client';
import { freshDatabase, type FreshDatabase } from '../support/database';
import { milestoneInput, planInput, userInput } from '../support/fixtures';
import { ServerProcess, buildIfStale, sleep } from '../support/launcher';

// Two API processes on one PostgreSQL database cache sessions, roles and milestone pages
// (docs/performance.md#caches-across-processes). Every write goes through A; right after A
// acknowledges it, B must answer with it, thousands of times, also while their listening
// connections are being cut.

const ADMIN: Account = { email: 'stale-admin@example.com', password: 'stale-password-123' };
const ITERATIONS = 2_000;
const CUT_LISTENERS_EVERY = 250;

type Milestone = { id: string; title: string; dueDate: string; version: number; baselineDueDate: string | null };
type Reply = { status: number; body: Record<string, unknown> };

let database: FreshDatabase;
let servers: ServerProcess[] = [];
let a: Client;
let b: Client;
let pg: PgClient;

function call(api: Client, method: string, path: string, token: string, json?: unknown, headers?: Record<string, string>): Promise<Reply> {
  return api.call<Record<string, unknown>>(method, `/api/v1${path}`, { token, body: json, headers });
}

async function ok(api: Client, method: string, path: string, token: string, json?: unknown, headers?: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await call(api, method, path, token, json, headers);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const listeners = async () =>
  (await pg.query('SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [LISTENER_APPLICATION_NAME]))
    .rows[0].n as number;

async function cutListeners(): Promise<number> {
  const cut = await pg.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [
    LISTENER_APPLICATION_NAME,
  ]);
  return cut.rowCount ?? 0;
}

async function bothListening(): Promise<void> {
  for (let i = 0; i < 200 && (await listeners()) < 2; i++) await sleep(50);
  expect(await listeners()).toBe(2);
}

beforeAll(async () => {
  buildIfStale();
  database = await freshDatabase({ dialect: 'postgres', prefix: 'handover_stale' });
  const launch = () => ServerProcess.launch({ databaseUrl: database.url, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  servers = [await launch(), await launch()];
  [a, b] = servers.map((server) => new Client(server.url)) as [Client, Client];
  pg = new PgClient({ connectionString: database.url });
  await pg.connect();
  await bothListening();
});

afterAll(async () => {
  await pg?.end();
  await Promise.all(servers.map((server) => server.stop()));
  await database?.drop();
});

test(`When ${ITERATIONS} writes go through A, then B answers each one right after it is acknowledged, listener cuts included`, async () => {
  const admin = await a.login(ADMIN);
  const plan = await ok(a, 'POST', '/plans', admin, planInput({ name: 'Staleness', contractEndDate: '2099-09-30' }));
  const planId = plan.id as string;
  let planVersion = plan.version as number;
  // X moves between executive and lead and in and out of the plan; Y is agency staff, on the
  // contract end; L stays lead, so X is never the last one.
  const people = { x: userInput(), y: userInput(), l: userInput() };
  const ids: Record<string, string> = {};
  for (const [key, input] of Object.entries(people)) ids[key] = (await ok(a, 'POST', '/users', admin, input)).id as string;
  await ok(a, 'PUT', `/plans/${planId}/members/${ids.x}`, admin, { role: 'executive' });
  await ok(a, 'PUT', `/plans/${planId}/members/${ids.y}`, admin, { role: 'agency' });
  await ok(a, 'PUT', `/plans/${planId}/members/${ids.l}`, admin, { role: 'lead' });
  let x = await b.login(people.x);
  const y = await b.login(people.y);

  const model = new Map<string, Milestone>();
  const create = async (i: number) => {
    const m = (await ok(a, 'POST', `/plans/${planId}/milestones`, admin, milestoneInput({ title: `M ${i}`, dueDate: '2026-03-02' }))) as unknown as Milestone;
    model.set(m.id, { id: m.id, title: m.title, dueDate: m.dueDate, version: m.version, baselineDueDate: null });
  };
  for (let i = 0; i < 20; i++) await create(i);

  const shown = (items: Milestone[]) => items.map((m) => `${m.id} ${m.title} ${m.dueDate} v${m.version} b${m.baselineDueDate}`).sort();
  const expectList = async (token: string, what: string) => {
    const res = await call(b, 'GET', `/plans/${planId}/milestones?limit=200`, token);
    if (res.status !== 200) throw new Error(`${what}: B answered ${res.status}`);
    expect([what, shown(res.body.items as Milestone[])]).toEqual([what, shown([...model.values()])]);
  };

  const roleProbe = () => call(b, 'POST', `/plans/${planId}/milestones`, x, { title: '' });
  const expectReadable = async (token: string, readable: boolean, what: string) => {
    if (readable) await expectList(token, what);
    else expect([what, (await call(b, 'GET', `/plans/${planId}/milestones`, token)).status]).toEqual([what, 404]);
  };

  // Readers on B all along: its caches stay warm, and the generation reads are shared.
  let reading = true;
  const readers = [admin, x, y].map(async (token, n) => {
    while (reading) {
      const res = await call(b, 'GET', `/plans/${planId}/milestones?limit=200`, n === 1 ? x : token);
      expect([200, 401, 404]).toContain(res.status);
      await sleep(10);
    }
  });

  let xIn = true;
  let xLead = false;
  let yIn = true;
  let cuts = 0;
  try {
    for (let i = 0; i < ITERATIONS; i++) {
      if (i > 0 && i % CUT_LISTENERS_EVERY === 0) cuts += await cutListeners();
      const kind = i % 20;
      const ms = [...model.values()][i % model.size]!;
      if (kind === 10 || kind === 11) {
        await create(i);
      } else if (kind === 12 && model.size > 10) {
        await ok(a, 'DELETE', `/plans/${planId}/milestones/${ms.id}`, admin);
        model.delete(ms.id);
      } else if (kind === 13) {
        if (!xIn) await ok(a, 'PUT', `/plans/${planId}/members/${ids.x}`, admin, { role: xLead ? 'lead' : 'executive' });
        xIn = true;
        // An empty title: a lead gets 422 for the body, an executive 403 before it is read. The
        // first probe leaves X's session and role in B's caches.
        expect([i, (await roleProbe()).status]).toEqual([i, xLead ? 422 : 403]);
        xLead = !xLead;
        await ok(a, 'PUT', `/plans/${planId}/members/${ids.x}`, admin, { role: xLead ? 'lead' : 'executive' });
        expect([i, (await roleProbe()).status]).toEqual([i, xLead ? 422 : 403]);
      } else if (kind === 14) {
        await expectReadable(x, xIn, `X before ${i}`);
        if (xIn) await ok(a, 'DELETE', `/plans/${planId}/members/${ids.x}`, admin);
        else await ok(a, 'PUT', `/plans/${planId}/members/${ids.x}`, admin, { role: xLead ? 'lead' : 'executive' });
        xIn = !xIn;
        await expectReadable(x, xIn, `X after ${i}`);
      } else if (kind === 15) {
        await expectReadable(y, yIn, `Y before ${i}`);
        yIn = !yIn;
        const updated = await ok(a, 'PATCH', `/plans/${planId}`, admin, { contractEndDate: yIn ? '2099-09-30' : '2026-01-06' }, { 'If-Match': `"${planVersion}"` });
        planVersion = updated.version as number;
        await expectReadable(y, yIn, `Y after ${i}`);
      } else if (kind === 16) {
        await ok(a, 'POST', `/plans/${planId}/baselines`, admin, { name: `Baseline ${i}` });
        for (const m of model.values()) m.baselineDueDate = m.dueDate;
      } else if (kind === 17 && i % 100 === 17) {
        // Signed out on A: B refuses the session at once, on a plan's route and on one of its own.
        expect([i, (await call(b, 'GET', '/me', x)).status]).toEqual([i, 200]);
        await ok(a, 'POST', '/auth/logout', x);
        expect([i, (await call(b, 'GET', '/me', x)).status]).toEqual([i, 401]);
        expect([i, (await call(b, 'GET', `/plans/${planId}/milestones`, x)).status]).toEqual([i, 401]);
        x = await a.login(people.x);
        if (xIn) await expectList(x, `X signed in again at ${i}`);
      } else {
        const dueDate = `2026-0${1 + (i % 9)}-1${i % 10}`;
        const updated = (await ok(a, 'PATCH', `/plans/${planId}/milestones/${ms.id}`, admin, { title: `M ${i}`, dueDate }, { 'If-Match': `"${ms.version}"` })) as unknown as Milestone;
        model.set(ms.id, { ...ms, title: updated.title, dueDate: updated.dueDate, version: updated.version });
      }
      await expectList(admin, `after ${i}`);
    }
  } finally {
    reading = false;
    await Promise.all(readers);
  }
  expect(cuts).toBeGreaterThanOrEqual(2 * Math.floor((ITERATIONS - 1) / CUT_LISTENERS_EVERY));
  await bothListening();
  // Some 100 s on two busy cores: allowed more than the suite's default.
}, 300_000);

test('When a row changes behind the API, then B keeps serving its cached page until the generation moves, and a cut listener empties the cache', async () => {
  const admin = await a.login(ADMIN);
  const planId = (await ok(a, 'POST', '/plans', admin, planInput({ name: 'Behind the back' }))).id as string;
  const m = await ok(a, 'POST', `/plans/${planId}/milestones`, admin, milestoneInput({ title: 'Before' }));
  const title = async () => ((await ok(b, 'GET', `/plans/${planId}/milestones`, admin)).items as Milestone[])[0]!.title;
  await bothListening();
  expect(await title()).toBe('Before');
  // No generation moves: B's cache answers (this is what the staleness test above relies on).
  await pg.query('UPDATE milestones SET title = $1 WHERE id = $2', ['Behind', m.id]);
  expect(await title()).toBe('Before');
  await pg.query('UPDATE cache_generations SET generation = generation + 1 WHERE scope = $1', [`plan:${planId}`]);
  expect(await title()).toBe('Behind');
  // Without its listener B caches nothing; once it is back it starts from an empty cache.
  await pg.query('UPDATE milestones SET title = $1 WHERE id = $2', ['Unheard', m.id]);
  expect(await cutListeners()).toBe(2);
  expect(await title()).toBe('Unheard');
  await bothListening();
  expect(await title()).toBe('Unheard');
});
