import { HANDOVER_LADDER, type Handover, type HandoverStatus, type ImportResult, type Milestone, type Post } from '@handover/shared';
import type { Db } from '../../api/src/db/data-source';
import { Client, expectStatus } from '../support/client';
import { createHandover, createMilestone, createPlan } from '../support/fixtures';
import { rng, seedFromEnv, type Rng } from './support/random';
import { expectRollupsMatch, integrity, openForChecks, scalar } from './support/db-check';
import { ADMIN, sleep, setupStore, startServer, type ServerProcess } from './support/server';

/**
 * Crash safety: the real server takes a stream of writes and is killed with SIGKILL at a random
 * moment, again and again. A client-side log of what was acknowledged (2xx) is the oracle.
 */
const CYCLES = 6;
const CHANNELS = ['linkedin', 'x', 'instagram', 'tiktok'] as const;
const SOURCES = ['agency', 'in_house', 'co_authored'] as const;

type Outcome = 'acked' | 'unacked';
type PostLog = { id?: string; outcome: Outcome; body: Record<string, unknown>; key: string };

type Log = {
  posts: Map<string, PostLog>;
  deletes: Map<string, Outcome>;
  imports: Array<{ prefix: string; rows: number; outcome: Outcome; counted?: boolean }>;
  milestone: { version: number; title: string; pending: number };
  handover: { version: number; status: HandoverStatus; pending: number };
  failures: string[];
  /** Writes in flight at a kill: committed before it (the 2xx was lost) or rolled back. */
  cut: { committed: number; rolledBack: number };
};

const store = setupStore();
let server: ServerProcess | undefined;

function randomInstant(r: Rng): string {
  const day = new Date(Date.UTC(2026, 0, 5) + r.int(0, 150) * 86_400_000);
  return new Date(day.getTime() + r.int(0, 86_399) * 1000).toISOString();
}

function importCsv(prefix: string, rows: number, r: Rng): string {
  let csv = 'channel,published_at,source,external_id,author\n';
  for (let i = 0; i < rows; i++) csv += `${r.pick(CHANNELS)},${randomInstant(r)},${r.pick(SOURCES)},${prefix}-${i},Crash Test\n`;
  return csv;
}

/** Runs the writers until the server dies; every 2xx goes into the log, everything in flight is unacked. */
async function writeUntilKilled(api: Client, token: string, ids: Ids, log: Log, cycle: number, r: Rng): Promise<void> {
  let dead = false;
  let seq = 0;
  const plan = `/api/v1/plans/${ids.planId}`;
  const unexpected = (what: string, status: number, text: string) => {
    log.failures.push(`cycle ${cycle}: ${what} answered ${status}: ${text.slice(0, 300)}`);
  };
  let killing = false;
  const loop = async (step: () => Promise<void>) => {
    while (!dead) {
      try {
        await step();
      } catch (error) {
        if (!killing) log.failures.push(`cycle ${cycle}: network error while the server was up: ${String(error)}`);
        dead = true;
      }
    }
  };

  const postWriter = async () => {
    const externalId = `p${cycle}-${++seq}`;
    const body = { channel: r.pick(CHANNELS), publishedAt: randomInstant(r), source: r.pick(SOURCES), externalId };
    const entry: PostLog = { outcome: 'unacked', body, key: `key-${externalId}` };
    log.posts.set(externalId, entry);
    const res = await api.call<Post>('POST', `${plan}/posts`, { token, body, headers: { 'Idempotency-Key': entry.key } });
    if (res.status !== 201) return unexpected('POST posts', res.status, res.text);
    entry.outcome = 'acked';
    entry.id = res.body.id;
  };

  const deleter = async () => {
    const candidates = [...log.posts].filter(([externalId, p]) => p.outcome === 'acked' && p.id && !log.deletes.has(externalId));
    if (candidates.length < 20) return void (await sleep(20));
    const [externalId, p] = r.pick(candidates);
    log.deletes.set(externalId, 'unacked');
    const res = await api.call('DELETE', `${plan}/posts/${p.id}`, { token });
    if (res.status !== 204) return unexpected('DELETE post', res.status, res.text);
    log.deletes.set(externalId, 'acked');
  };

  const importer = async () => {
    const prefix = `i${cycle}-${++seq}`;
    const rows = r.int(200, 4000);
    const entry = { prefix, rows, outcome: 'unacked' as Outcome };
    log.imports.push(entry);
    const res = await api.call<ImportResult>('POST', `${plan}/posts/import`, {
      token,
      raw: importCsv(prefix, rows, r),
      headers: { 'Content-Type': 'text/csv' },
    });
    if (res.status !== 200 || res.body.inserted !== rows) return unexpected('POST import', res.status, res.text);
    entry.outcome = 'acked';
  };

  const milestoneEditor = async () => {
    const title = `edit ${cycle}-${++seq}`;
    log.milestone.pending += 1;
    const res = await api.call<Milestone>('PATCH', `${plan}/milestones/${ids.milestoneId}`, {
      token,
      body: { title, weight: r.int(1, 10) },
      headers: { 'If-Match': `"${log.milestone.version}"` },
    });
    log.milestone.pending -= 1;
    if (res.status !== 200) return unexpected('PATCH milestone', res.status, res.text);
    if (res.body.version !== log.milestone.version + 1) unexpected('PATCH milestone version', res.body.version, res.text);
    log.milestone = { version: res.body.version, title: res.body.title, pending: 0 };
  };

  const mover = async () => {
    const from = log.handover.status;
    const index = HANDOVER_LADDER.indexOf(from);
    // Up the ladder to accepted, then a lead's reopen one step back, and up again.
    const to = from === 'accepted' ? 'in_house' : HANDOVER_LADDER[index + 1]!;
    log.handover.pending += 1;
    const res = await api.call<Handover>(
      'POST',
      `${plan}/handovers/${ids.handoverId}/transitions`,
      { token, body: { to, note: `move ${cycle}-${++seq}` }, headers: { 'If-Match': `"${log.handover.version}"` } },
    );
    log.handover.pending -= 1;
    if (res.status !== 200) return unexpected('POST transition', res.status, res.text);
    log.handover = { version: res.body.version, status: res.body.status, pending: 0 };
  };

  const writers = [loop(postWriter), loop(postWriter), loop(deleter), loop(importer), loop(milestoneEditor), loop(mover)];
  await sleep(r.int(150, 2500));
  killing = true;
  await server!.kill();
  await Promise.all(writers);
}

type Ids = { planId: string; milestoneId: string; handoverId: string };

/** Everything the log promises, checked against the restarted server and its database. */
async function verify(api: Client, token: string, db: Db, ids: Ids, log: Log, cycle: number): Promise<void> {
  expect(await integrity(db)).toBe('ok');
  await expectRollupsMatch(db, ids.planId);

  const rows: Array<{ external_id: string }> = await db.read((m) =>
    m.query(`SELECT external_id FROM posts WHERE plan_id = ${db.param(1)}`, [ids.planId]),
  );
  const present = new Map<string, number>();
  for (const { external_id: id } of rows) present.set(id, (present.get(id) ?? 0) + 1);
  expect([...present].filter(([, n]) => n > 1)).toEqual([]);

  for (const [externalId, p] of log.posts) {
    const deletion = log.deletes.get(externalId);
    if (deletion === 'acked') expect({ externalId, present: present.has(externalId) }).toEqual({ externalId, present: false });
    else if (p.outcome === 'acked' && deletion === undefined) {
      expect({ externalId, present: present.has(externalId) }).toEqual({ externalId, present: true });
    }
  }
  for (const imp of log.imports) {
    let stored = 0;
    for (let i = 0; i < imp.rows; i++) if (present.has(`${imp.prefix}-${i}`)) stored++;
    // All or nothing; and all when acknowledged.
    const allowed = imp.outcome === 'acked' ? [imp.rows] : [0, imp.rows];
    if (imp.outcome === 'unacked' && !imp.counted) {
      imp.counted = true;
      if (stored === imp.rows) log.cut.committed += 1;
      else log.cut.rolledBack += 1;
    }
    expect({ import: imp.prefix, outcome: imp.outcome, stored: allowed.includes(stored) ? 'ok' : stored }).toEqual({
      import: imp.prefix,
      outcome: imp.outcome,
      stored: 'ok',
    });
  }

  // A post whose 201 was lost is retried with its Idempotency-Key: one post, never two, never a 409.
  for (const [externalId, p] of log.posts) {
    if (p.outcome !== 'unacked') continue;
    if (present.has(externalId)) log.cut.committed += 1;
    else log.cut.rolledBack += 1;
    const res = await api.call<Post>('POST', `/api/v1/plans/${ids.planId}/posts`, {
      token,
      body: p.body,
      headers: { 'Idempotency-Key': p.key },
    });
    expectStatus(res, 201, `retry of ${externalId}`);
    p.outcome = 'acked';
    p.id = res.body.id;
    const count = await scalar(db, `SELECT COUNT(*) FROM posts WHERE plan_id = ${db.param(1)} AND external_id = ${db.param(2)}`, [
      ids.planId,
      externalId,
    ]);
    expect({ externalId, count }).toEqual({ externalId, count: 1 });
  }
  // A delete whose 204 was lost either happened or not; finish it, so the log is exact again.
  for (const [externalId, outcome] of log.deletes) {
    if (outcome !== 'unacked') continue;
    if (present.has(externalId)) {
      const p = log.posts.get(externalId)!;
      expectStatus(await api.call('DELETE', `/api/v1/plans/${ids.planId}/posts/${p.id}`, { token }), 204, `retry delete ${externalId}`);
    }
    log.deletes.set(externalId, 'acked');
  }
  await expectRollupsMatch(db, ids.planId);

  // Milestone: the last acknowledged edit or the one in flight, never anything else; versions match the audit trail.
  const milestone = expectStatus(
    await api.call<Milestone>('GET', `/api/v1/plans/${ids.planId}/milestones/${ids.milestoneId}`, { token }),
    200,
    'GET milestone',
  );
  expect(milestone.version).toBeGreaterThanOrEqual(log.milestone.version);
  expect(milestone.version).toBeLessThanOrEqual(log.milestone.version + log.milestone.pending);
  if (milestone.version === log.milestone.version) expect(milestone.title).toBe(log.milestone.title);
  const updates = await scalar(
    db,
    `SELECT COUNT(*) FROM activity WHERE entity = 'milestone' AND action = 'update' AND entity_id = ${db.param(1)}`,
    [ids.milestoneId],
  );
  expect(updates).toBe(milestone.version - 1);
  log.milestone = { version: milestone.version, title: milestone.title, pending: 0 };

  // Handover: one history entry per version step, and the status is where the history ends.
  const handover = expectStatus(
    await api.call<Handover>('GET', `/api/v1/plans/${ids.planId}/handovers/${ids.handoverId}`, { token }),
    200,
    'GET handover',
  );
  expect(handover.version).toBeGreaterThanOrEqual(log.handover.version);
  expect(handover.version).toBeLessThanOrEqual(log.handover.version + log.handover.pending);
  expect(handover.history).toHaveLength(handover.version - 1);
  expect(handover.status).toBe(handover.history.at(-1)?.to ?? 'agency');
  log.handover = { version: handover.version, status: handover.status, pending: 0 };

  expect(log.failures).toEqual([]);
  console.log(
    `crash cycle ${cycle}: ${rows.length} posts stored, ${[...log.posts.values()].length} single posts and ` +
      `${log.imports.length} imports written so far (${log.imports.filter((i) => i.outcome === 'unacked').length} cut by a kill), ` +
      `milestone v${milestone.version}, handover v${handover.version}; ` +
      `writes cut by kills so far: ${log.cut.committed} had committed, ${log.cut.rolledBack} had rolled back`,
  );
}

test(`When the server is killed with SIGKILL at random moments during a stream of writes (${CYCLES} cycles), then after each restart every acknowledged write is there and nothing is half-applied`, async () => {
  const r = rng(seedFromEnv('crash'));
  server = await startServer(store);
  let api = new Client(server.url);
  const token = await api.login(ADMIN);
  const plan = await createPlan(api, token, { name: 'Crash' });
  const milestone = await createMilestone(api, token, plan.id, { title: 'Start' });
  const handover = await createHandover(api, token, plan.id, { title: 'Weekly report', channel: null });
  const ids: Ids = { planId: plan.id, milestoneId: milestone.id, handoverId: handover.id };
  const log: Log = {
    posts: new Map(),
    deletes: new Map(),
    imports: [],
    milestone: { version: milestone.version, title: milestone.title, pending: 0 },
    handover: { version: handover.version, status: 'agency', pending: 0 },
    failures: [],
    cut: { committed: 0, rolledBack: 0 },
  };

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    await writeUntilKilled(api, token, ids, log, cycle, r);
    expect(server.running).toBe(false);
    server = await startServer(store);
    api = new Client(server.url);
    const db = await openForChecks(store.config);
    try {
      await verify(api, token, db, ids, log, cycle);
    } finally {
      await db.close();
    }
  }
  expect((await server.stop()).code).toBe(0);
});
