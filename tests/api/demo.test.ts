import {
  ROUTES,
  addDays,
  mondayOf,
  pathTo,
  type Baseline,
  EXIT_ITEM_LADDER,
  type ExitItem,
  type Handover,
  type KtSession,
  type Milestone,
  type Page,
  type Post,
  type RosterEntry,
  type SnapshotListItem,
  type Summary,
  type WebhookDelivery,
} from '@handover/shared';
import { settableClock, type SettableClock } from '../../api/src/demo/clock';
import { firstMorning, seedDemo, type DemoResult } from '../../api/src/demo/seed';
import { ACCOUNT_HANDED_OVER_WEEK, AGENCY_STAFF, INSTAGRAM_ACCOUNT } from '../../api/src/demo/roster';
import { DEAD_WEBHOOK_URL } from '../../api/src/demo/status';
import { DEMO_USERS, PEOPLE, dayOf } from '../../api/src/demo/story';
import { latestDueWeek } from '../../api/src/modules/snapshots/schedule';
import { verdictLine } from '../../api/src/demo/verdict';
import { startApp, type TestApp } from '../support/app';

// `npm run demo` tells six months as a timeline through the public API, each step at its own
// moment: so a past day reads as it stood then (docs/domain.md#as-of), and today's exit forecast
// is honestly "not yet", dated and limited by the milestones (docs/domain.md#exit-forecast).

const today = new Date().toISOString().slice(0, 10);
const eightWeeksAgo = addDays(today, -56);
const sixteenWeeksAgo = addDays(today, -112);

let t: TestApp;
let demo: DemoResult;
let token = '';
let leadToken = '';

beforeAll(async () => {
  t = await startApp({ ADMIN_EMAIL: DEMO_USERS[0].email, ADMIN_PASSWORD: DEMO_USERS[0].password });
  t.clock.set(firstMorning(today).toISOString());
  await t.services.auth.bootstrapAdmin();
  // The demo's clock, played by the test app's: set to each moment, then back to real time.
  const clock: SettableClock = { now: () => t.clock.now(), set: (at) => t.clock.set(at.toISOString()), release: () => t.clock.reset() };
  demo = await seedDemo(t.app, clock, t.services.webhookDispatcher);
  const login = await t.as().post(pathTo(ROUTES.login, {})).send({ email: DEMO_USERS[2].email, password: DEMO_USERS[2].password });
  token = login.body.token as string;
  const lead = await t.as().post(pathTo(ROUTES.login, {})).send({ email: DEMO_USERS[1].email, password: DEMO_USERS[1].password });
  leadToken = lead.body.token as string;
}, 180_000);

/** A page of items read as the lead (who may read every part of the plan, webhooks included). */
const pageOf = async <T>(path: string): Promise<T[]> => {
  const res = await t.as(leadToken).get(path);
  expect(res.status).toBe(200);
  return (res.body as Page<T>).items;
};
afterAll(async () => t?.close());

const summaryAt = async (asOf?: string): Promise<Summary> => {
  const res = await t.as(token).get(pathTo(ROUTES.summary, { planId: demo.plan.id }, { asOf }));
  expect(res.status).toBe(200);
  return res.body as Summary;
};

describe('the demo today', () => {
  test('When the executive reads today, then the story the README tells is there', async () => {
    const s = await summaryAt();
    expect(s.asOf).toBe(today);
    expect(s.milestones).toMatchObject({ total: 30, done: 17, overdue: 3, blocked: 1 });
    expect(s.handovers.byStatus).toEqual({ agency: 2, shadowing: 2, reverse_shadowing: 2, in_house: 2, accepted: 2 });
    expect(s.adoption.latestShare).toBeGreaterThan(0.6);
    expect(demo.counts.posts).toBeGreaterThan(5000);
    expect(s.gates.filter((g) => g.met).map((g) => g.key)).toEqual(['internal_network', 'skills_covered']);
  });

  test('When the exit forecast is read, then it is dated, late against the target, and limited by the milestones while the share alone looks early', async () => {
    const { exitForecast: f, forecast } = await summaryAt();
    expect(f.undatedGates).toEqual([]);
    expect(f.projectedExitDate).not.toBeNull();
    expect(f).toMatchObject({ onTrack: false, limitedBy: 'milestones_done' });
    expect(f.projectedExitDate! > demo.plan.targetExitDate).toBe(true);
    expect(f.components.posts_share! < f.components.handovers_accepted!).toBe(true);
    expect(f.components.handovers_accepted! < f.components.milestones_done!).toBe(true);
    expect(f.components.exit_items_verified! < f.components.milestones_done!).toBe(true);
    expect(forecast.projectedExitDate! <= demo.plan.targetExitDate).toBe(true);
    expect(verdictLine(demo.summary)).toBe(
      `As of ${today}: not yet, 4 of 6 gates open — earliest exit ${f.projectedExitDate}, limited by milestones (after the target exit).`,
    );
  });
});

describe('the exit checklist', () => {
  test('When the executive reads it, then about fifteen items stand at every step, the Meta ad account still with the agency, every item dated and owned', async () => {
    const items = await pageOf<ExitItem>(pathTo(ROUTES.exitItems, { planId: demo.plan.id }));
    expect(items).toHaveLength(demo.counts.exitItems);
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(EXIT_ITEM_LADDER));
    expect(items.every((i) => i.dueDate !== null && i.owner !== null)).toBe(true);
    const ad = items.find((i) => i.name === 'Meta ad account (Business Manager)')!;
    expect(ad).toMatchObject({ kind: 'ad_account', status: 'access_shared' });
    expect(ad.evidence).toMatch(/sole admin/);
    const instagram = items.find((i) => i.name === `Instagram account ${INSTAGRAM_ACCOUNT}`)!;
    expect(instagram.history.map((h) => h.to)).toEqual(['access_shared', 'ownership_transferred', 'agency_removed', 'verified']);
    expect(instagram.history[1]!.at.slice(0, 10) >= dayOf(demo.plan.startDate, ACCOUNT_HANDED_OVER_WEEK)).toBe(true);
    const s = await summaryAt();
    const verified = items.filter((i) => i.status === 'verified').length;
    expect(s.exitItems).toMatchObject({ total: items.length, byStatus: expect.objectContaining({ verified }) });
    expect(s.gates.find((g) => g.key === 'exit_items_verified')).toMatchObject({ met: false });
  });

  test('When the KT sessions are listed, then a dozen span the six months, and a handover lists its own', async () => {
    const sessions = await pageOf<KtSession>(pathTo(ROUTES.ktSessions, { planId: demo.plan.id }));
    expect(sessions).toHaveLength(demo.counts.ktSessions);
    expect(sessions.length).toBeGreaterThanOrEqual(12);
    const dates = sessions.map((k) => k.date).sort();
    expect(dates[0]! < dayOf(demo.plan.startDate, 4)).toBe(true);
    expect(dates.at(-1)! > dayOf(demo.plan.startDate, 20)).toBe(true);
    const handovers = await pageOf<Handover>(pathTo(ROUTES.handovers, { planId: demo.plan.id }));
    const crisis = handovers.find((h) => h.title === 'Crisis monitoring')!;
    const own = await pageOf<KtSession>(pathTo(ROUTES.ktSessions, { planId: demo.plan.id }, { handoverId: crisis.id }));
    expect(own.map((k) => k.topic).sort()).toEqual(['Crisis drill: a weekend complaint going viral', 'Crisis playbook walk-through']);
  });
});

describe('the demo as of past days', () => {
  test('When the executive reads 8 weeks ago, then fewer milestones are done, handovers stand lower and the share is lower', async () => {
    const [now, then] = [await summaryAt(), await summaryAt(eightWeeksAgo)];
    expect(then.milestones.done).toBeLessThan(now.milestones.done);
    expect(then.handovers.acceptedShare).toBeLessThan(now.handovers.acceptedShare);
    expect(then.posts.window.inHouseShare).toBeLessThan(now.posts.window.inHouseShare - 0.1);
    expect(then.readiness.score).toBeLessThan(now.readiness.score);
    // Crisis response was still short of a second person: no date for the skills gate yet.
    expect(then.exitForecast).toMatchObject({ projectedExitDate: null, limitedBy: null, undatedGates: ['skills_covered'] });
  });

  test('When milestones are listed 16 and 8 weeks ago, then the playbook shows its old due date, then blocked with the moved one', async () => {
    const list = async (asOf: string) => {
      const res = await t.as(token).get(pathTo(ROUTES.milestones, { planId: demo.plan.id }, { asOf, limit: 100 }));
      return (res.body as Page<Milestone>).items.find((m) => m.title === 'Crisis response playbook');
    };
    const [early, later, now] = [await list(sixteenWeeksAgo), await list(eightWeeksAgo), await list(today)];
    expect(early).toMatchObject({ status: 'planned' });
    expect(later).toMatchObject({ status: 'blocked' });
    expect(later!.dueDate > early!.dueDate).toBe(true);
    expect(now).toMatchObject({ status: 'in_progress', dueDate: later!.dueDate });
  });
});

describe('the status over time and the integrations', () => {
  test('When the weekly snapshots are listed, then every week since the start has one with a note, amber to green with one red week', async () => {
    const planId = demo.plan.id;
    const snapshots = (await pageOf<SnapshotListItem>(pathTo(ROUTES.snapshots, { planId }, { kind: 'weekly', limit: 100 }))).reverse();
    // 26 weeks, but a week's snapshot is due only from Monday 06:00 (before that, 25).
    const weeks = (Date.parse(latestDueWeek(t.clock.now(), t.config.snapshotAt)) - Date.parse(mondayOf(demo.plan.startDate))) / (7 * 86_400_000) + 1;
    expect(weeks).toBeGreaterThanOrEqual(25);
    expect(snapshots).toHaveLength(weeks);
    expect(demo.counts.snapshots).toBe(weeks);
    expect(snapshots.every((s) => s.note && s.rag && s.version === 2)).toBe(true);
    const red = snapshots.filter((s) => s.rag === 'red');
    expect(red.map((s) => s.weekStart)).toEqual([dayOf(demo.plan.startDate, 12)]);
    expect(red[0]!.note).toMatch(/crisis/);
    expect(snapshots[0]!.rag).toBe('amber');
    expect(snapshots.at(-1)!.rag).toBe('green');
    // The notes were written after the figures froze: readiness climbs with the weeks regardless.
    expect(snapshots[0]!.summary.readiness.score).toBeLessThan(snapshots.at(-1)!.summary.readiness.score);
  });

  test('When milestones are read against the baseline taken at the start, then the ones moved since slip', async () => {
    const planId = demo.plan.id;
    const baselines = await pageOf<Baseline>(pathTo(ROUTES.baselines, { planId }));
    expect(baselines).toHaveLength(1);
    expect(baselines[0]!.id).toBe(demo.baseline.id);
    expect(demo.baseline.items).toHaveLength(30);
    const slipping = (await pageOf<Milestone>(pathTo(ROUTES.milestones, { planId }, { limit: 100 }))).filter((m) => (m.slipDays ?? 0) > 0);
    expect(slipping.map((m) => m.title).sort()).toEqual([
      'Analytics dashboard owned in-house',
      'Crisis response playbook',
      'Hire a community manager',
      'Social media policy approved by legal',
    ]);
    for (const m of slipping) expect(m.dueDate > m.baselineDueDate!).toBe(true);
  });

  test('When the webhook pointing nowhere is read, then its log holds failed deliveries, every attempt refused', async () => {
    const planId = demo.plan.id;
    const hooks = await pageOf<{ id: string; url: string }>(pathTo(ROUTES.webhooks, { planId }));
    expect(hooks).toEqual([expect.objectContaining({ id: demo.webhookId, url: DEAD_WEBHOOK_URL })]);
    const deliveries = await pageOf<WebhookDelivery>(pathTo(ROUTES.webhookDeliveries, { planId, webhookId: demo.webhookId }, { limit: 100 }));
    expect(deliveries.length).toBeGreaterThanOrEqual(5);
    expect(deliveries.every((d) => d.state === 'failed' && d.attempts.length >= 2 && d.attempts.every((a) => !a.ok && a.error))).toBe(true);
  });

  test('When the roster is read, then both teams are on it and the Instagram account changes side on its handover day, with its posts', async () => {
    const planId = demo.plan.id;
    const entries = await pageOf<RosterEntry>(pathTo(ROUTES.roster, { planId }, { limit: 100 }));
    const authors = (side: string) => entries.filter((e) => e.kind === 'author' && e.side === side).map((e) => e.match).sort();
    expect(authors('agency')).toEqual([...AGENCY_STAFF].sort());
    expect(authors('in_house')).toEqual(PEOPLE.map((p) => p.name).sort());
    const handedOver = dayOf(demo.plan.startDate, ACCOUNT_HANDED_OVER_WEEK);
    const account = entries.filter((e) => e.kind === 'channel').sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    expect(account).toMatchObject([
      { match: INSTAGRAM_ACCOUNT, side: 'agency', from: demo.plan.startDate, to: addDays(handedOver, -1) },
      { match: INSTAGRAM_ACCOUNT, side: 'in_house', from: handedOver, to: null },
    ]);
    const posts = await pageOf<Post>(pathTo(ROUTES.posts, { planId }, { account: INSTAGRAM_ACCOUNT, limit: 100 }));
    expect(posts.length).toBe(78);
    for (const p of posts) {
      expect(p).toMatchObject({ classifiedBy: 'roster', origin: 'batch', account: INSTAGRAM_ACCOUNT });
      expect(p.source).toBe(p.publishedAt.slice(0, 10) < handedOver ? 'agency' : 'in_house');
    }
  });
});

describe('the demo clock', () => {
  test('When set, then it moves forward only and keeps running; released, it is the system clock', () => {
    const clock = settableClock(new Date('2026-01-05T08:00:00Z'));
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-01-05T08:00:00Z'));
    clock.set(new Date('2026-02-02T09:00:00Z'));
    clock.set(new Date('2026-01-10T09:00:00Z'));
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-02-02');
    clock.release();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
