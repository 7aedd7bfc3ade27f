import type { Post } from '@handover/shared';
import { Client as PgClient } from 'pg';
import { Client, type Account } from '../support/client';
import { freshDatabase, type FreshDatabase } from '../support/database';
import { CSV_HEADER, milestoneInput, planInput, postInput } from '../support/fixtures';
import { ServerProcess, buildIfStale } from '../support/launcher';

// Two API processes on one PostgreSQL database must behave as one service: sessions, idempotency
// keys and login rate limits live in the database, and the post rollups stay equal to the ledger
// when both processes write at once.

const ADMIN: Account = { email: 'scale-admin@example.com', password: 'scale-password-123' };

let database: FreshDatabase;
let servers: ServerProcess[] = [];
let a: Client;
let b: Client;
let pg: PgClient;

type Reply = { status: number; body: Record<string, unknown>; headers: Headers };

function call(api: Client, method: string, path: string, options: { token?: string; json?: unknown; csv?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers = options.csv === undefined ? options.headers : { ...options.headers, 'Content-Type': 'text/csv' };
  return api.call<Record<string, unknown>>(method, path, { token: options.token, body: options.json, raw: options.csv, headers });
}

async function login(api: Client, account = ADMIN): Promise<string> {
  const res = await call(api, 'POST', '/auth/login', { json: account });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

async function newPlan(token: string): Promise<string> {
  const res = await call(a, 'POST', '/plans', { token, json: planInput({ name: 'Scale', contractEndDate: undefined }) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  buildIfStale();
  database = await freshDatabase({ dialect: 'postgres', prefix: 'handover_scale' });
  const launch = () => ServerProcess.launch({ databaseUrl: database.url, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  servers = [await launch(), await launch()];
  [a, b] = servers.map((server) => new Client(`${server.url}/api/v1`)) as [Client, Client];
  pg = new PgClient({ connectionString: database.url });
  await pg.connect();
});

afterAll(async () => {
  await pg?.end();
  await Promise.all(servers.map((server) => server.stop()));
  await database?.drop();
});

test('When a user signs in on A, then the token works on B, and signing out on B revokes it on A', async () => {
  const token = await login(a);
  expect((await call(b, 'GET', '/me', { token })).status).toBe(200);
  expect((await call(b, 'POST', '/auth/logout', { token })).status).toBe(204);
  expect((await call(a, 'GET', '/me', { token })).status).toBe(401);
  expect((await call(b, 'GET', '/me', { token })).status).toBe(401);
});

test('When an Idempotency-Key is used on A, then the same request on B replays the first response and creates nothing', async () => {
  const token = await login(a);
  const planId = await newPlan(token);
  const milestone = milestoneInput();
  const headers = { 'Idempotency-Key': 'scale-key-1' };
  const first = await call(a, 'POST', `/plans/${planId}/milestones`, { token, json: milestone, headers });
  expect(first.status).toBe(201);
  const again = await call(b, 'POST', `/plans/${planId}/milestones`, { token, json: milestone, headers });
  expect(again.status).toBe(201);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.body).toEqual(first.body);
  const list = await call(b, 'GET', `/plans/${planId}/milestones`, { token });
  expect(list.body.total).toBe(1);
  // The same key with another body is refused on either process.
  const other = await call(b, 'POST', `/plans/${planId}/milestones`, { token, json: { ...milestone, title: 'Other' }, headers });
  expect(other.status).toBe(422);
});

test('When both processes import and insert the same posts at once, then there are no duplicates and the rollups equal a recount', async () => {
  const token = await login(a);
  const planId = await newPlan(token);
  const sources = ['agency', 'in_house', 'co_authored'];
  // Four files over the same 400 external ids, each in its own order, so the imports collide.
  const files = [0, 1, 2, 3].map((f) => {
    const ids = Array.from({ length: 400 }, (_, i) => (f % 2 ? 399 - i : i));
    const lines = ids.map((i) => {
      const day = String(2 + (i % 27)).padStart(2, '0');
      return `${i % 3 ? 'linkedin' : 'x'},2026-03-${day}T${String(i % 24).padStart(2, '0')}:00:00Z,${sources[i % 3]},id-${i},`;
    });
    return [CSV_HEADER, ...lines.slice(f * 50)].join('\n');
  });
  const singles = Array.from({ length: 40 }, (_, i) => ({
    channel: i % 3 ? 'linkedin' : 'x',
    publishedAt: `2026-03-${String(2 + (i % 27)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
    source: sources[i % 3],
    externalId: `id-${i * 10}`,
  }));
  // One import runs at a time per plan (the others get 409 import-in-progress): a client tries again.
  const importUntilDone = async (api: Client, csv: string): Promise<Reply> => {
    for (;;) {
      const res = await call(api, 'POST', `/plans/${planId}/posts/import`, { token, csv });
      if (res.status !== 409) return res;
      expect(res.body.type).toBe('https://handover.dev/problems/import-in-progress');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const results = await Promise.all([
    ...files.map((csv, i) => importUntilDone(i % 2 ? b : a, csv)),
    ...singles.map((post, i) => call(i % 2 ? a : b, 'POST', `/plans/${planId}/posts`, { token, json: post })),
    ...Array.from({ length: 20 }, (_, i) =>
      call(i % 2 ? a : b, 'POST', `/plans/${planId}/posts`, { token, json: postInput({ channel: 'instagram', publishedAt: '2026-03-10T10:00:00Z' }) }),
    ),
  ]);
  const statuses = results.map((r) => r.status);
  expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
  for (const s of statuses.slice(4, 44)) expect([201, 409]).toContain(s);
  expect(statuses.slice(44)).toEqual(Array(20).fill(201));

  // Delete some through both processes at once.
  const listed = await call(a, 'GET', `/plans/${planId}/posts?limit=30`, { token });
  const victims = (listed.body.items as Post[]).map((p) => p.id);
  const deletes = await Promise.all(victims.map((id, i) => call(i % 2 ? a : b, 'DELETE', `/plans/${planId}/posts/${id}`, { token })));
  expect(deletes.map((r) => r.status)).toEqual(Array(victims.length).fill(204));

  const dupes = await pg.query(
    `SELECT channel, external_id, COUNT(*) FROM posts WHERE plan_id = $1 AND external_id IS NOT NULL
     GROUP BY channel, external_id HAVING COUNT(*) > 1`,
    [planId],
  );
  expect(dupes.rows).toEqual([]);
  const ledger = await pg.query('SELECT COUNT(*)::int AS n FROM posts WHERE plan_id = $1', [planId]);
  expect(ledger.rows[0].n).toBe(400 + 20 - victims.length);
  const lines = (rows: Array<{ day: string; channel: string; source: string; count: number }>) =>
    rows.map((r) => `${r.day}|${r.channel}|${r.source}=${r.count}`).sort();
  const rollups = await pg.query('SELECT day, channel, source, count FROM post_daily_counts WHERE plan_id = $1', [planId]);
  const recount = await pg.query(
    `SELECT substr(published_at, 1, 10) AS day, channel, source, COUNT(*)::int AS count
     FROM posts WHERE plan_id = $1 GROUP BY 1, 2, 3`,
    [planId],
  );
  expect(lines(rollups.rows)).toEqual(lines(recount.rows));
  const weekly = await pg.query('SELECT week AS day, channel, source, count FROM post_weekly_counts WHERE plan_id = $1', [planId]);
  const weeklyRecount = await pg.query(
    `SELECT to_char(date_trunc('week', substr(published_at, 1, 10)::date), 'YYYY-MM-DD') AS day, channel, source, COUNT(*)::int AS count
     FROM posts WHERE plan_id = $1 GROUP BY 1, 2, 3`,
    [planId],
  );
  expect(lines(weekly.rows)).toEqual(lines(weeklyRecount.rows));
});

test('When an import runs into a plan, then a second one on either process gets 409 and stores nothing; the lock is a row both processes see', async () => {
  const token = await login(a);
  const planId = await newPlan(token);
  const file = (prefix: string, rows: number) =>
    [CSV_HEADER, ...Array.from({ length: rows }, (_, i) => `x,2026-03-${String(2 + (i % 27)).padStart(2, '0')}T10:00:00Z,agency,${prefix}-${i},`)].join('\n');

  // A live import elsewhere (another host, fresh heartbeat) holds the plan: both processes refuse.
  const now = new Date().toISOString();
  await pg.query(
    `INSERT INTO import_runs (id, plan_id, user_id, dry_run, holder, started_at, heartbeat_at) VALUES ($1, $2, $3, false, $4, $5, $5)`,
    ['0190a000-0000-7000-8000-000000000001', planId, '0190a000-0000-7000-8000-000000000002', '1:boot@another-host.example', now],
  );
  for (const api of [a, b]) {
    const refused = await call(api, 'POST', `/plans/${planId}/posts/import`, { token, csv: file('held', 5) });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://handover.dev/problems/import-in-progress');
  }
  await pg.query('DELETE FROM import_runs WHERE plan_id = $1', [planId]);

  // Two large imports at once, one on each process: they run one after the other or one gets 409;
  // never both at once, never part of one.
  const [first, second] = await Promise.all([
    call(a, 'POST', `/plans/${planId}/posts/import`, { token, csv: file('a', 30_000) }),
    call(b, 'POST', `/plans/${planId}/posts/import`, { token, csv: file('b', 30_000) }),
  ]);
  const accepted = [first, second].filter((r) => r.status === 200).length;
  for (const r of [first, second]) {
    expect([200, 409]).toContain(r.status);
    if (r.status === 200) expect(r.body).toEqual({ inserted: 30_000, duplicates: 0, valid: 30_000, dryRun: false });
  }
  expect(accepted).toBeGreaterThanOrEqual(1);
  const stored = await pg.query(
    `SELECT substr(external_id, 1, 1) AS file, COUNT(*)::int AS n FROM posts WHERE plan_id = $1 GROUP BY 1 ORDER BY 1`,
    [planId],
  );
  const expected = [first, second].flatMap((r, i) => (r.status === 200 ? [{ file: i ? 'b' : 'a', n: 30_000 }] : []));
  expect(stored.rows).toEqual(expected);
  const open = await pg.query('SELECT COUNT(*)::int AS n FROM import_runs');
  expect(open.rows[0].n).toBe(0);
});

test('When 11 sign-ins fail, spread over A and B, then the 11th is refused with 429 and Retry-After', async () => {
  const email = 'nobody-here@example.com';
  for (let i = 0; i < 10; i++) {
    const res = await call(i % 2 ? b : a, 'POST', '/auth/login', { json: { email, password: 'wrong-password-123' } });
    expect(res.status).toBe(401);
  }
  const eleventh = await call(b, 'POST', '/auth/login', { json: { email, password: 'wrong-password-123' } });
  expect(eleventh.status).toBe(429);
  expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await call(a, 'POST', '/auth/login', { json: { email, password: 'wrong-password-123' } })).status).toBe(429);
});
