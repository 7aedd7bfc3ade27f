import { addDays, addMonths, firstOfMonth, mondayOf, type SharePoint } from '@handover/shared';
import fc from 'fast-check';
import { setupApp, type TestUser } from '../support/app';
import { dialect } from '../support/database';
import { planInput } from '../support/fixtures';
import { rollupsVersusLedger } from '../support/rollups';

// Random sequences of writes through HTTP — single posts, CSV imports (with duplicates, bad rows
// and broken files), deletes, and batches of them sent at once — after which the rollup table must
// equal a recount of the ledger, and /posts/share must equal a share computed from /posts.

jest.setTimeout(120_000);

const t = setupApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ isAdmin: true });
});

const SOURCES = ['agency', 'in_house', 'co_authored'] as const;
const CHANNELS = ['linkedin', ' LinkedIn', 'x', 'X ', 'instagram'];
const FIRST_DAY = '2026-03-02';
const HEADER = 'channel,published_at,source,external_id,author';

type PostSpec = { channel: string; publishedAt: string; source: string; externalId: string | null };

const instant = fc
  .record({
    day: fc.integer({ min: 0, max: 27 }),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    // An offset can move the UTC day across midnight, which the rollup must follow.
    zone: fc.constantFrom('Z', '+02:00', '-05:00'),
  })
  .map(({ day, minute, zone }) => {
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return `${addDays(FIRST_DAY, day)}T${hh}:${mm}:00${zone}`;
  });

const postSpec: fc.Arbitrary<PostSpec> = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  publishedAt: instant,
  source: fc.constantFrom(...SOURCES),
  // A small pool, so duplicates of (channel, externalId) are common.
  externalId: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { nil: null, freq: 3 }),
});

type Command =
  | { kind: 'insert'; post: PostSpec }
  | { kind: 'import'; rows: PostSpec[]; badRow: number | null; dryRun: boolean }
  | { kind: 'badFile'; file: 'header' | 'quote' | 'empty' }
  | { kind: 'delete'; pick: number };

const single: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: postSpec.map((post) => ({ kind: 'insert' as const, post })) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        rows: fc.array(postSpec, { minLength: 1, maxLength: 12 }),
        badRow: fc.option(fc.nat(), { nil: null, freq: 3 }),
        dryRun: fc.boolean(),
      })
      .map(({ rows, badRow, dryRun }) => ({ kind: 'import' as const, rows, badRow: badRow === null ? null : badRow % rows.length, dryRun })),
  },
  { weight: 1, arbitrary: fc.constantFrom('header', 'quote', 'empty').map((file) => ({ kind: 'badFile' as const, file: file as 'header' | 'quote' | 'empty' })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'delete' as const, pick })) },
);

type Step = { kind: 'one'; command: Command } | { kind: 'batch'; commands: Command[] };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: single.map((command) => ({ kind: 'one' as const, command })) },
  { weight: 1, arbitrary: fc.array(single, { minLength: 2, maxLength: 5 }).map((commands) => ({ kind: 'batch' as const, commands })) },
);

const csvLine = (p: PostSpec) => `${p.channel},${p.publishedAt},${p.source},${p.externalId ?? ''},`;

async function listAll(planId: string): Promise<Array<{ id: string; channel: string; publishedAt: string; source: string; externalId: string | null }>> {
  const out = [];
  for (let offset = 0; ; offset += 200) {
    const res = await t.as(admin.token).get(`/api/v1/plans/${planId}/posts?limit=200&offset=${offset}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    if (offset + 200 >= res.body.total) return out;
  }
}

/**
 * Run one command; the status must be one the contract allows for it. In a concurrent batch an
 * import may meet another import of the plan: 409 import-in-progress, nothing stored; or, when a
 * batch sends more uploads at once than the server receives (MAX_SPOOLING), 429 with Retry-After.
 */
async function run(planId: string, c: Command, concurrent = false): Promise<void> {
  const busy = (res: { status: number; body: { type?: string }; headers: Record<string, string> }) => {
    if (!concurrent || (res.status !== 409 && res.status !== 429)) return false;
    if (res.status === 429) {
      expect(res.body.type).toBe('https://handover.dev/problems/rate-limited');
      expect(res.headers['retry-after']).toBe('5');
      return true;
    }
    expect(res.body.type).toBe('https://handover.dev/problems/import-in-progress');
    return true;
  };
  const base = `/api/v1/plans/${planId}/posts`;
  if (c.kind === 'insert') {
    const body: Record<string, unknown> = { channel: c.post.channel, publishedAt: c.post.publishedAt, source: c.post.source };
    if (c.post.externalId) body.externalId = c.post.externalId;
    const res = await t.as(admin.token).post(base).send(body);
    expect([201, 409]).toContain(res.status);
    if (res.status === 409) expect(c.post.externalId).not.toBeNull();
    return;
  }
  if (c.kind === 'import') {
    const lines = c.rows.map(csvLine);
    if (c.badRow !== null) lines[c.badRow] = `${c.rows[c.badRow]!.channel},not-a-date,${c.rows[c.badRow]!.source},,`;
    const res = await t
      .as(admin.token)
      .post(`${base}/import${c.dryRun ? '?dryRun=true' : ''}`)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from([HEADER, ...lines].join('\n')));
    if (busy(res)) return;
    if (c.badRow !== null) {
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ line: c.badRow + 2 })]);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body.inserted + res.body.duplicates).toBe(c.dryRun ? res.body.duplicates : c.rows.length);
    if (c.dryRun) expect(res.body.inserted).toBe(0);
    return;
  }
  if (c.kind === 'badFile') {
    const body = { header: 'channel,when,source\nx,2026-03-02T10:00:00Z,agency', quote: `${HEADER}\n"x,2026-03-02T10:00:00Z,agency,,`, empty: '' }[c.file];
    const res = await t.as(admin.token).post(`${base}/import`).set('Content-Type', 'text/csv').send(Buffer.from(body));
    if (busy(res)) return;
    expect(res.status).toBe(422);
    return;
  }
  const posts = await listAll(planId);
  if (!posts.length) return;
  const victim = posts[c.pick % posts.length]!;
  const res = await t.as(admin.token).delete(`${base}/${victim.id}`);
  expect([204, 404]).toContain(res.status); // 404: a concurrent delete got there first
}

/** The share as the endpoint computes it, from the post listings. */
function shareFromListing(
  posts: Array<{ publishedAt: string; source: string; channel: string }>,
  interval: 'week' | 'month',
  from: string,
  to: string,
  channel?: string,
): SharePoint[] {
  const periodOf = (day: string) => (interval === 'week' ? mondayOf(day) : firstOfMonth(day));
  const points = new Map<string, SharePoint>();
  for (let d = periodOf(from); d <= to; d = interval === 'week' ? addDays(d, 7) : addMonths(d, 1)) {
    points.set(d, { periodStart: d, agency: 0, inHouse: 0, coAuthored: 0, total: 0, inHouseShare: 0 });
  }
  for (const p of posts) {
    if (channel && p.channel !== channel) continue;
    const point = points.get(periodOf(p.publishedAt.slice(0, 10)));
    if (!point) continue;
    if (p.source === 'agency') point.agency++;
    else if (p.source === 'in_house') point.inHouse++;
    else point.coAuthored++;
  }
  for (const point of points.values()) {
    point.total = point.agency + point.inHouse + point.coAuthored;
    point.inHouseShare = point.total === 0 ? 0 : point.inHouse / point.total;
  }
  return [...points.values()];
}

/** The weekly rollup rows and a recount of the ledger by ISO week, as sorted "week|channel|source=count" lines. */
async function weeklyVersusLedger(planId: string): Promise<{ weekly: string[]; recount: string[] }> {
  const p = t.db.param(1);
  return t.db.read(async (m) => {
    const weekly: Array<{ week: string; channel: string; source: string; count: number | string }> = await m.query(
      `SELECT week, channel, source, count FROM post_weekly_counts WHERE plan_id = ${p}`,
      [planId],
    );
    const posts: Array<{ published_at: string; channel: string; source: string }> = await m.query(
      `SELECT published_at, channel, source FROM posts WHERE plan_id = ${p}`,
      [planId],
    );
    const counts = new Map<string, number>();
    for (const post of posts) {
      const key = `${mondayOf(post.published_at.slice(0, 10))}|${post.channel}|${post.source}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return {
      weekly: weekly.map((r) => `${r.week}|${r.channel}|${r.source}=${Number(r.count)}`).sort(),
      recount: [...counts].map(([key, n]) => `${key}=${n}`).sort(),
    };
  });
}

async function expectConsistent(planId: string): Promise<void> {
  const { rollups, recount } = await rollupsVersusLedger(t.db, planId);
  expect(rollups).toEqual(recount);
  const weeks = await weeklyVersusLedger(planId);
  expect(weeks.weekly).toEqual(weeks.recount);
  const posts = await listAll(planId);
  // No duplicate (channel, externalId), however the writes raced.
  const keys = posts.filter((p) => p.externalId !== null).map((p) => `${p.channel}|${p.externalId}`);
  expect(new Set(keys).size).toBe(keys.length);
  const from = '2026-02-25';
  const to = '2026-04-01';
  for (const interval of ['week', 'month'] as const) {
    for (const channel of [undefined, 'linkedin']) {
      const res = await t
        .as(admin.token)
        .get(`/api/v1/plans/${planId}/posts/share?interval=${interval}&from=${from}&to=${to}${channel ? `&channel=${channel}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.points).toEqual(shareFromListing(posts, interval, from, to, channel));
    }
  }
}

test('When random sequences of inserts, imports, deletes and concurrent batches run, then the rollups equal a recount and the share equals the listings', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
      const plan = await t.as(admin.token).post('/api/v1/plans').send(planInput({ name: 'Property' }));
      expect(plan.status).toBe(201);
      const planId = plan.body.id as string;
      for (const s of steps) {
        if (s.kind === 'one') await run(planId, s.command);
        else await Promise.all(s.commands.map((c) => run(planId, c, true)));
      }
      await expectConsistent(planId);
    }),
    { numRuns: dialect === 'postgres' ? 60 : 150 },
  );
});
