import { HANDOVER_LADDER } from '@handover/shared';
import { setupApp } from '../support/app';
import {
  createAssessment,
  createHandover,
  createMilestone,
  createPerson,
  createSkill,
  csvOf,
  importPosts,
  moveHandover,
  planWorld,
  recordAdoption,
  type PlanWorld,
} from '../support/fixtures';
import { expectProblem } from '../support/problem';

// One plan built through the API, with every number of its summary computed by hand below.
const t = setupApp();
let w: PlanWorld;
const asOf = '2026-03-25'; // a Wednesday: the current week starts 2026-03-23

beforeAll(async () => {
  w = await planWorld(t);
  const [lead, agency, planId] = [w.lead.token, w.agency.token, w.planId];
  // Everything below is recorded on 10 January, before every asOf read here: the summary is history
  // (docs/domain.md#as-of), so what did not exist yet on a day is not counted on it.
  t.clock.set('2026-01-10T09:00:00Z');

  // Milestones: weights 3 + 1 done of 10 -> progress 0.4; C is blocked and overdue.
  const a = await createMilestone(t, lead, planId, { title: 'A', weight: 3, status: 'done', dueDate: '2026-02-01' });
  await createMilestone(t, lead, planId, { title: 'B', weight: 1, status: 'done', dueDate: '2026-04-01' });
  await createMilestone(t, lead, planId, { title: 'C', weight: 4, status: 'blocked', dueDate: '2026-03-01', dependsOn: [a.id] });
  await createMilestone(t, lead, planId, { title: 'D', weight: 2, dueDate: '2026-05-01' });

  // Skills: S1 critical needs 2 people at level 3; P2's two assessments share an assessedAt, and the
  // later-recorded one (level 2) is current, so only P1 qualifies: gap 1. S2 needs 1 at level 2: covered.
  const p1 = (await createPerson(t, lead, planId, { name: 'P1' })).id;
  const p2 = (await createPerson(t, lead, planId, { name: 'P2' })).id;
  const s1 = (await createSkill(t, lead, planId, { name: 'S1', requiredLevel: 3, requiredPeople: 2, critical: true })).id;
  const s2 = (await createSkill(t, lead, planId, { name: 'S2', requiredLevel: 2, requiredPeople: 1 })).id;
  const assessedAt = '2026-03-01T10:00:00Z';
  for (const [personId, skillId, level] of [
    [p1, s1, 3],
    [p2, s1, 4],
    [p2, s1, 2],
    [p1, s2, 2],
  ] as const) {
    await createAssessment(t, lead, planId, { personId, skillId }, { level, assessedAt });
  }

  // Handovers: one accepted, one still with the agency.
  const h1 = (await createHandover(t, agency, planId, { title: 'H1' })).id;
  await createHandover(t, agency, planId, { title: 'H2' });
  for (const to of HANDOVER_LADDER.slice(1, 4)) await moveHandover(t, agency, planId, h1, to);
  await moveHandover(t, lead, planId, h1, 'accepted');

  // Adoption: 0.7 in the week of 2026-03-16; a later sample (after asOf) must be ignored.
  await recordAdoption(t, lead, planId, { weekStart: '2026-03-16', activeUsers: 70, totalStaff: 100 });
  await recordAdoption(t, lead, planId, { weekStart: '2026-03-30', activeUsers: 10, totalStaff: 100 });

  // Posts: 10 each Wednesday of the 8 complete weeks, in-house share 0.1 .. 0.8; 10 in-house on
  // Monday 2026-03-23 (in the window, not in the fit); 10 agency on asOf itself (outside the window).
  const rows: string[] = [];
  const wednesdays = ['2026-01-28', '2026-02-04', '2026-02-11', '2026-02-18', '2026-02-25', '2026-03-04', '2026-03-11', '2026-03-18'];
  let n = 0;
  wednesdays.forEach((day, i) => {
    for (let k = 0; k < 10; k++) rows.push(`linkedin,${day}T10:00:00Z,${k <= i ? 'in_house' : 'agency'},p${n++},`);
  });
  for (let k = 0; k < 10; k++) rows.push(`x,2026-03-23T00:00:00Z,in_house,p${n++},`);
  for (let k = 0; k < 10; k++) rows.push(`x,2026-03-25T08:00:00Z,agency,p${n++},`);
  await importPosts(t, lead, planId, csvOf(rows)).expect(200);
});

test('When the summary is read as of a date, then every figure matches the hand computation', async () => {
  const res = await t.as(w.executive.token).get(`/api/v1/plans/${w.planId}/summary?asOf=${asOf}`);
  expect(res.status).toBe(200);
  const s = res.body;
  expect(s.asOf).toBe(asOf);
  expect(s.milestones).toEqual({ total: 4, done: 2, overdue: 1, blocked: 1, progress: 0.4 });
  expect(s.skills.required).toBe(3);
  expect(s.skills.gap).toBe(1);
  expect(s.skills.closedShare).toBeCloseTo(2 / 3, 12);
  // Window [2026-02-25, 2026-03-25): four Wednesdays (5+6+7+8 of 40) plus the 10 Monday posts.
  expect(s.posts.window).toEqual({ from: '2026-02-25', to: '2026-03-25', total: 50, inHouse: 36, inHouseShare: 0.72 });
  expect(s.handovers).toEqual({
    total: 2,
    byStatus: { agency: 1, shadowing: 0, reverse_shadowing: 0, in_house: 0, accepted: 1 },
    acceptedShare: 0.5,
  });
  expect(s.adoption).toEqual({ latestShare: 0.7, latestWeekStart: '2026-03-16' });
  expect(s.readiness.components.milestones).toBe(0.4);
  expect(s.readiness.components.skills).toBeCloseTo(2 / 3, 12);
  expect(s.readiness.components.posts).toBeCloseTo(0.8, 12);
  expect(s.readiness.components.handovers).toBe(0.5);
  expect(s.readiness.score).toBeCloseTo((0.4 + 2 / 3 + 0.8 + 0.5) / 4, 12);
  expect(Object.fromEntries(s.gates.map((g: { key: string; met: boolean }) => [g.key, g.met]))).toEqual({
    internal_network: true,
    skills_covered: false,
    posts_share: false,
    handovers_accepted: false,
    milestones_done: false,
    exit_items_verified: false,
  });
  expect(s.gates.find((g: { key: string }) => g.key === 'skills_covered').detail).toContain('S1 (1 of 2)');
  expect(s.exitReady).toBe(false);
  // y = 0.1 + 0.1x reaches 0.9 at x = 8: the Monday of the asOf week; the target exit is 2026-07-06.
  expect(s.forecast.slope).toBeCloseTo(0.1, 12);
  expect(s.forecast.intercept).toBeCloseTo(0.1, 12);
  expect(s.forecast.projectedExitDate).toBe('2026-03-23');
  expect(s.forecast.onTrack).toBe(true);
  expect(s.forecast.weeks.map((x: { weekStart: string }) => x.weekStart)).toEqual([
    '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16',
  ]);
});

test('When asOf is omitted, then today (UTC) is used', async () => {
  t.clock.set('2026-03-25T23:30:00Z');
  const res = await t.as(w.agency.token).get(`/api/v1/plans/${w.planId}/summary`);
  expect(res.status).toBe(200);
  expect(res.body.asOf).toBe('2026-03-25');
  expect(res.body.posts.window.total).toBe(50);
});

test('When asOf is earlier, then later data is left out', async () => {
  const res = await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/summary?asOf=2026-03-10`);
  expect(res.body.adoption).toEqual({ latestShare: null, latestWeekStart: null });
  expect(res.body.milestones.overdue).toBe(1);
  // Window [2026-02-10, 2026-03-10): Wednesdays 02-11 .. 03-04 -> 3+4+5+6 of 40.
  expect(res.body.posts.window).toMatchObject({ total: 40, inHouse: 18 });
});

test('When the caller is not a member, anonymous, or asOf is not a date, then 404, 401 and 422', async () => {
  expectProblem(await t.as(w.outsider.token).get(`/api/v1/plans/${w.planId}/summary`), 404);
  expectProblem(await t.as().get(`/api/v1/plans/${w.planId}/summary`), 401);
  expectProblem(await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/summary?asOf=2026-02-30`), 422);
  expectProblem(await t.as(w.lead.token).get(`/api/v1/plans/${w.planId}/summary?asOf=today`), 422);
});
