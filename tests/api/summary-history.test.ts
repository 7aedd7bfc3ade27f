import { HANDOVER_LADDER, ROUTES, pathTo, type Coverage, type Handover, type Matrix, type Milestone, type Page, type Summary } from '@handover/shared';
import { setupApp } from '../support/app';
import {
  createAssessment,
  createHandover,
  createMilestone,
  createPerson,
  createSkill,
  csvOf,
  getBody,
  importPosts,
  moveHandover,
  planWorld,
  recordAdoption,
  type PlanWorld,
} from '../support/fixtures';

// The summary and the lists behind the overview are history (docs/domain.md#as-of): a past day
// shows the plan as it stood at the end of that day, and the exit forecast is dated gate by gate.
const t = setupApp();

describe('asOf is history', () => {
  let w: PlanWorld;
  let m1: Milestone;
  let m2: Milestone;

  beforeAll(async () => {
    w = await planWorld(t);
    const [lead, agency, planId] = [w.lead.token, w.agency.token, w.planId];
    // 2 February: the plan as first recorded.
    t.clock.set('2026-02-02T09:00:00Z');
    m1 = await createMilestone(t, lead, planId, { title: 'M1', weight: 2, dueDate: '2026-03-01' });
    m2 = await createMilestone(t, lead, planId, { title: 'M2', weight: 1, dueDate: '2026-04-01', status: 'in_progress' });
    const person = await createPerson(t, lead, planId, { name: 'P' });
    const skill = await createSkill(t, lead, planId, { name: 'S', requiredLevel: 3, requiredPeople: 1, critical: true });
    const h = await createHandover(t, agency, planId, { title: 'H', targetDate: '2026-05-01' });
    // An assessment dated 5 March (recorded now).
    await createAssessment(t, lead, planId, { personId: person.id, skillId: skill.id }, { level: 3, assessedAt: '2026-03-05T10:00:00Z' });
    // 10 March: M1 done, M2 moved later, H one step up, a second handover logged.
    t.clock.set('2026-03-10T09:00:00Z');
    const done = await t.as(lead).patch(pathTo(ROUTES.milestone, { planId, milestoneId: m1.id })).set('If-Match', '"1"').send({ status: 'done' });
    expect(done.status).toBe(200);
    const moved = await t.as(lead).patch(pathTo(ROUTES.milestone, { planId, milestoneId: m2.id })).set('If-Match', '"1"').send({ dueDate: '2026-05-15' });
    expect(moved.status).toBe(200);
    await moveHandover(t, agency, planId, h.id, 'shadowing');
    await createHandover(t, agency, planId, { title: 'H2' });
  });

  const summaryAt = (asOf: string) => getBody<Summary>(t, w.lead.token, pathTo(ROUTES.summary, { planId: w.planId }, { asOf }));

  test('When asOf is before a completion, a move and an assessment, then none of them counts', async () => {
    const s = await summaryAt('2026-03-01');
    expect(s.milestones).toEqual({ total: 2, done: 0, overdue: 0, blocked: 0, progress: 0 });
    expect(s.handovers).toEqual({ total: 1, byStatus: { agency: 1, shadowing: 0, reverse_shadowing: 0, in_house: 0, accepted: 0 }, acceptedShare: 0 });
    expect(s.skills).toEqual({ required: 1, gap: 1, closedShare: 0 });
    expect(s.gates.find((g) => g.key === 'skills_covered')?.met).toBe(false);
  });

  test('When asOf is after the assessment but before the completion, then the skill is covered and M1 is overdue', async () => {
    const s = await summaryAt('2026-03-06');
    expect(s.skills).toEqual({ required: 1, gap: 0, closedShare: 1 });
    expect(s.milestones).toEqual({ total: 2, done: 0, overdue: 1, blocked: 0, progress: 0 });
  });

  test('When asOf is today, then every change counts', async () => {
    const s = await summaryAt('2026-03-10');
    expect(s.milestones).toMatchObject({ total: 2, done: 1, progress: 2 / 3 });
    expect(s.handovers).toMatchObject({ total: 2, byStatus: { agency: 1, shadowing: 1 } });
  });

  test('When the milestone list is read as of a past day, then each milestone shows its state of that day', async () => {
    const page = await getBody<Page<Milestone>>(t, w.lead.token, pathTo(ROUTES.milestones, { planId: w.planId }, { asOf: '2026-03-01' }));
    expect(page.total).toBe(2);
    expect(page.items.map((m) => [m.title, m.status, m.dueDate, m.completedAt])).toEqual([
      ['M1', 'planned', '2026-03-01', null],
      ['M2', 'in_progress', '2026-04-01', null],
    ]);
    const overdue = await getBody<Page<Milestone>>(t, w.lead.token, pathTo(ROUTES.milestones, { planId: w.planId }, { asOf: '2026-03-06', overdue: 'true' }));
    expect(overdue.items.map((m) => m.title)).toEqual(['M1']);
    const now = await getBody<Page<Milestone>>(t, w.lead.token, pathTo(ROUTES.milestones, { planId: w.planId }));
    expect(now.items.map((m) => [m.title, m.status, m.dueDate])).toEqual([
      ['M1', 'done', '2026-03-01'],
      ['M2', 'in_progress', '2026-05-15'],
    ]);
    expect(m2.dueDate).toBe('2026-04-01');
  });

  test('When handovers are read as of a past day, then later handovers are left out and steps come from the history', async () => {
    const page = await getBody<Page<Handover>>(t, w.agency.token, pathTo(ROUTES.handovers, { planId: w.planId }, { asOf: '2026-03-01' }));
    expect(page.items.map((h) => [h.title, h.status, h.history.length, h.targetDate])).toEqual([['H', 'agency', 0, '2026-05-01']]);
    const today = await getBody<Page<Handover>>(t, w.agency.token, pathTo(ROUTES.handovers, { planId: w.planId }));
    expect(today.items.map((h) => [h.title, h.status])).toEqual([
      ['H', 'shadowing'],
      ['H2', 'agency'],
    ]);
  });

  test('When coverage and the matrix are read as of a past day, then only assessments dated by then count', async () => {
    const before = await getBody<Coverage>(t, w.lead.token, pathTo(ROUTES.skillsCoverage, { planId: w.planId }, { asOf: '2026-03-04' }));
    expect(before.items.map((i) => [i.name, i.qualifiedPeople, i.gap])).toEqual([['S', 0, 1]]);
    const after = await getBody<Coverage>(t, w.lead.token, pathTo(ROUTES.skillsCoverage, { planId: w.planId }, { asOf: '2026-03-05' }));
    expect(after.items.map((i) => [i.name, i.qualifiedPeople, i.gap])).toEqual([['S', 1, 0]]);
    const matrix = await getBody<Matrix>(t, w.lead.token, pathTo(ROUTES.skillsMatrix, { planId: w.planId }, { asOf: '2026-03-04' }));
    expect(matrix.cells.map((c) => c.level)).toEqual([0]);
    const early = await getBody<Matrix>(t, w.lead.token, pathTo(ROUTES.skillsMatrix, { planId: w.planId }, { asOf: '2026-02-01' }));
    expect(early).toEqual({ people: [], skills: [], cells: [], total: 0, limit: 200, offset: 0 });
  });
});

describe('the exit forecast through the API', () => {
  test('When the share projection is early but a milestone is due late, then the milestones limit the exit', async () => {
    const w = await planWorld(t);
    const [lead, planId] = [w.lead.token, w.planId];
    // The plan starts 2026-01-05 and targets 2026-07-06 (fixture defaults).
    t.clock.set('2026-03-02T09:00:00Z');
    const a = await createMilestone(t, lead, planId, { title: 'A', weight: 4, dueDate: '2026-03-20' });
    await createMilestone(t, lead, planId, { title: 'B', weight: 2, dueDate: '2026-06-01' });
    const h = await createHandover(t, lead, planId, { title: 'Replies', targetDate: '2026-05-15' });
    for (const to of HANDOVER_LADDER.slice(1, 3)) await moveHandover(t, lead, planId, h.id, to);
    // One exit item, due before the last milestone (docs/domain.md#exit-checklist).
    const item = await t.as(lead).post(pathTo(ROUTES.exitItems, { planId })).send({ kind: 'ad_account', name: 'Meta ads', dueDate: '2026-05-29' });
    expect(item.status).toBe(201);
    for (const [weekStart, activeUsers] of [['2026-03-02', 30], ['2026-03-09', 40], ['2026-03-16', 50]] as const) {
      await recordAdoption(t, lead, planId, { weekStart, activeUsers, totalStaff: 100 });
    }
    // Ten posts each Wednesday of the 8 complete weeks before 2026-03-23, in-house share 0.1 .. 0.8.
    const wednesdays = ['2026-01-28', '2026-02-04', '2026-02-11', '2026-02-18', '2026-02-25', '2026-03-04', '2026-03-11', '2026-03-18'];
    const rows = wednesdays.flatMap((day, i) => Array.from({ length: 10 }, (_, k) => `linkedin,${day}T10:00:00Z,${k <= i ? 'in_house' : 'agency'},w${i}-${k},`));
    await importPosts(t, lead, planId, csvOf(rows)).expect(200);
    t.clock.set('2026-03-11T09:00:00Z');
    const signedIn = await t.as().post(pathTo(ROUTES.login, {})).send({ email: w.lead.email, password: w.lead.password });
    const done = await t.as(signedIn.body.token).patch(pathTo(ROUTES.milestone, { planId, milestoneId: a.id })).set('If-Match', '"1"').send({ status: 'done' });
    expect(done.status).toBe(200);

    const s = await getBody<Summary>(t, signedIn.body.token, pathTo(ROUTES.summary, { planId }, { asOf: '2026-03-25' }));
    // Share: y = 0.1 + 0.1x reaches 0.9 at x = 8 (2026-03-23), + 4 sustained weeks = 2026-04-20.
    expect(s.forecast).toMatchObject({ projectedExitDate: '2026-03-23', onTrack: true });
    // Adoption 0.3, 0.4, 0.5 a week apart: 0.6 in the week of 2026-03-23.
    // Milestones: 4 done in the last 8 weeks (0.5 a week), 2 left: 4 weeks → 2026-04-20; B is due 2026-06-01.
    expect(s.exitForecast).toEqual({
      projectedExitDate: '2026-06-01',
      onTrack: true,
      limitedBy: 'milestones_done',
      components: {
        internal_network: '2026-03-23',
        skills_covered: '2026-03-25',
        posts_share: '2026-04-20',
        handovers_accepted: '2026-05-15',
        milestones_done: '2026-06-01',
        exit_items_verified: '2026-05-29',
      },
      undatedGates: [],
    });
    // Two weeks earlier the same plan had no adoption trend yet and nothing done recently.
    const early = await getBody<Summary>(t, signedIn.body.token, pathTo(ROUTES.summary, { planId }, { asOf: '2026-03-04' }));
    expect(early.exitForecast).toMatchObject({ projectedExitDate: null, onTrack: null, limitedBy: null });
    expect(early.exitForecast.undatedGates).toEqual(expect.arrayContaining(['internal_network']));
  });
});
