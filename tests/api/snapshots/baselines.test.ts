import { ROUTES, pathTo, type Activity, type Baseline, type BaselineDetail, type Milestone, type Page } from '@handover/shared';
import { setupApp } from '../../support/app';
import { GHOST, createMilestone, createPlan, getBody, setupPlanWorld, type PlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';

// Baselines freeze every milestone's due date and weight; milestones report their slip against the
// latest one (docs/domain.md#status-over-time).
const t = setupApp();
const w: PlanWorld = setupPlanWorld(t);

const baselines = () => pathTo(ROUTES.baselines, { planId: w.planId });
const list = (query: Record<string, string> = {}) => getBody<Page<Milestone>>(t, w.agency.token, pathTo(ROUTES.milestones, { planId: w.planId }, query));
const one = (id: string) => getBody<Milestone>(t, w.executive.token, pathTo(ROUTES.milestone, { planId: w.planId, milestoneId: id }));
const freezeAs = async (token: string, name: string) => {
  const res = await t.as(token).post(baselines()).send({ name });
  expect(res.status).toBe(201);
  return res.body as BaselineDetail;
};
const move = async (ms: Milestone, body: object) => {
  const res = await t.as(w.lead.token).patch(pathTo(ROUTES.milestone, { planId: w.planId, milestoneId: ms.id })).set('If-Match', `"${ms.version}"`).send(body);
  expect(res.status).toBe(200);
  return res.body as Milestone;
};

describe('baselines', () => {
  let a: Milestone;
  let b: Milestone;
  let first: BaselineDetail;

  beforeAll(async () => {
    t.clock.set('2026-02-02T10:00:00Z');
    a = await createMilestone(t, w.lead.token, w.planId, { title: 'A', dueDate: '2026-03-01', weight: 3 });
    b = await createMilestone(t, w.lead.token, w.planId, { title: 'B', dueDate: '2026-04-01' });
  });

  test('When there is no baseline, then every milestone reports null for both', async () => {
    // The list is read (and cached) before the first baseline, so the next test also proves the cache moves on.
    expect((await list()).items.map((ms) => [ms.baselineDueDate, ms.slipDays])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(await one(a.id)).toMatchObject({ baselineDueDate: null, slipDays: null });
  });

  test('When a lead takes a baseline, then it freezes every due date and weight and is logged', async () => {
    first = await freezeAs(w.lead.token, '  Kick-off plan ');
    expect(first).toEqual({
      id: expect.any(String),
      planId: w.planId,
      name: 'Kick-off plan',
      createdAt: '2026-02-02T10:00:00.000Z',
      milestoneCount: 2,
      items: [
        { milestoneId: a.id, dueDate: '2026-03-01', weight: 3 },
        { milestoneId: b.id, dueDate: '2026-04-01', weight: 1 },
      ],
    });
    expect(await getBody<BaselineDetail>(t, w.agency.token, pathTo(ROUTES.baseline, { planId: w.planId, baselineId: first.id }))).toEqual(first);
    const [entry] = (await getBody<Page<Activity>>(t, w.lead.token, pathTo(ROUTES.activity, { planId: w.planId }, { entity: 'baseline' }))).items;
    expect(entry).toMatchObject({ action: 'create', entityId: first.id, changes: { name: 'Kick-off plan', milestoneCount: 2 } });
    expect((await list()).items.map((ms) => [ms.title, ms.baselineDueDate, ms.slipDays])).toEqual([
      ['A', '2026-03-01', 0],
      ['B', '2026-04-01', 0],
    ]);
  });

  test('When a milestone moves, then slipDays counts the days from the baseline date (negative when earlier)', async () => {
    t.clock.set('2026-02-10T10:00:00Z');
    a = await move(a, { dueDate: '2026-03-15' });
    expect(a).toMatchObject({ baselineDueDate: '2026-03-01', slipDays: 14 });
    b = await move(b, { dueDate: '2026-03-30', title: 'B earlier' });
    expect(b).toMatchObject({ baselineDueDate: '2026-04-01', slipDays: -2 });
    expect(await one(a.id)).toMatchObject({ baselineDueDate: '2026-03-01', slipDays: 14 });
    const page = await list();
    expect(page.items.find((ms) => ms.id === a.id)).toEqual(a);
    expect(page.items.find((ms) => ms.id === b.id)).toEqual(b);
  });

  test('When a milestone is newer than the baseline, then it reports null for both', async () => {
    const c = await createMilestone(t, w.lead.token, w.planId, { title: 'C', dueDate: '2026-05-01' });
    expect(c).toMatchObject({ baselineDueDate: null, slipDays: null });
    expect(await one(c.id)).toMatchObject({ baselineDueDate: null, slipDays: null });
  });

  test('When a later baseline is taken, then milestones are measured against it; a past day against the one taken by then', async () => {
    t.clock.set('2026-02-20T10:00:00Z');
    const second = await freezeAs(w.admin.token, 'Re-plan');
    expect(second.milestoneCount).toBe(3);
    expect(await one(a.id)).toMatchObject({ baselineDueDate: '2026-03-15', slipDays: 0 });
    const past = await list({ asOf: '2026-02-15' });
    expect(past.items.find((ms) => ms.id === a.id)).toMatchObject({ dueDate: '2026-03-15', baselineDueDate: '2026-03-01', slipDays: 14 });
    const before = await list({ asOf: '2026-02-01' });
    expect(before.items).toEqual([]);
    const listed = await getBody<Page<Baseline>>(t, w.executive.token, baselines());
    expect(listed.items.map((x) => x.name)).toEqual(['Re-plan', 'Kick-off plan']);
    expect(listed.items[0]).toEqual({ id: second.id, planId: w.planId, name: 'Re-plan', createdAt: second.createdAt, milestoneCount: 3 });
  });

  test('When the list is filtered and paged, then each row still reads its own baseline date', async () => {
    const page = await list({ phase: 'internal_network', overdue: 'false', status: 'planned', limit: '1', offset: '1' });
    expect(page.total).toBe(3);
    expect(page.items).toEqual([expect.objectContaining({ id: b.id, baselineDueDate: '2026-03-30', slipDays: 0 })]);
    expect((await list({ phase: 'agency_exit' })).items).toEqual([]);
    expect((await list({ offset: '10' })).total).toBe(3);
  });

  test('When the name is missing or blank, then 422 and no baseline is taken', async () => {
    const before = await getBody<Page<Baseline>>(t, w.lead.token, baselines());
    expectFieldError(await t.as(w.lead.token).post(baselines()).send({}), 'name');
    expectFieldError(await t.as(w.lead.token).post(baselines()).send({ name: '   ' }), 'name');
    expectFieldError(await t.as(w.lead.token).post(baselines()).send({ name: 'x', items: [] }), 'items');
    expect(await getBody<Page<Baseline>>(t, w.lead.token, baselines())).toEqual(before);
  });

  test('When an agency member takes a baseline, then 403 and the milestones are measured as before', async () => {
    const before = await list();
    expectProblem(await t.as(w.agency.token).post(baselines()).send({ name: 'Sneaky' }), 403);
    expect(await list()).toEqual(before);
  });

  test('When the baseline is of another plan or names nothing, then 404', async () => {
    const other = await createPlan(t, w.admin.token);
    const [latest] = (await getBody<Page<Baseline>>(t, w.lead.token, baselines())).items;
    expectProblem(await t.as(w.admin.token).get(pathTo(ROUTES.baseline, { planId: other.id, baselineId: latest!.id })), 404, 'not-found');
    expectProblem(await t.as(w.admin.token).get(pathTo(ROUTES.baseline, { planId: w.planId, baselineId: GHOST })), 404, 'not-found');
  });
});
