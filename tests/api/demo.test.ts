import { ROUTES, addDays, pathTo, type Milestone, type Page, type Summary } from '@handover/shared';
import { settableClock, type SettableClock } from '../../api/src/demo/clock';
import { firstMorning, seedDemo, type DemoResult } from '../../api/src/demo/seed';
import { DEMO_USERS } from '../../api/src/demo/story';
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

beforeAll(async () => {
  t = await startApp({ ADMIN_EMAIL: DEMO_USERS[0].email, ADMIN_PASSWORD: DEMO_USERS[0].password });
  t.clock.set(firstMorning(today).toISOString());
  await t.services.auth.bootstrapAdmin();
  // The demo's clock, played by the test app's: set to each moment, then back to real time.
  const clock: SettableClock = { now: () => t.clock.now(), set: (at) => t.clock.set(at.toISOString()), release: () => t.clock.reset() };
  demo = await seedDemo(t.app, clock);
  const login = await t.as().post(pathTo(ROUTES.login, {})).send({ email: DEMO_USERS[2].email, password: DEMO_USERS[2].password });
  token = login.body.token as string;
}, 180_000);
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
    expect(forecast.projectedExitDate! <= demo.plan.targetExitDate).toBe(true);
    expect(verdictLine(demo.summary)).toBe(
      `As of ${today}: not yet, 3 of 5 gates open — earliest exit ${f.projectedExitDate}, limited by milestones (after the target exit).`,
    );
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
