import { ROUTES, pathTo, type Activity, type Page, type Snapshot, type SnapshotListItem } from '@handover/shared';
import { SYSTEM_USER } from '../../../api/src/core/context';
import { outboxSnapshotEvents } from '../../../api/src/modules/snapshots/events';
import { setupApp, startApp, type TestApp } from '../../support/app';
import { runDueJobsInTwoProcesses } from '../../support/due-jobs-race';
import { createMilestone, createPlan, getBody, planWorld, type PlanWorld } from '../../support/fixtures';

// The weekly snapshot: taken for every plan at SNAPSHOT_AT for the week just ended, caught up at
// start, and taken once however many processes run the scheduler (docs/domain.md#status-over-time).
const t = setupApp();

const weekly = (app: TestApp, token: string, planId: string) =>
  getBody<Page<SnapshotListItem>>(app, token, pathTo(ROUTES.snapshots, { planId }, { kind: 'weekly' }));
const weeksOf = (page: Page<SnapshotListItem>) => page.items.map((s) => s.weekStart);
const takenFor = (report: { weekly: Array<{ planId: string; weekStart: string }> }, planId: string) =>
  report.weekly.filter((r) => r.planId === planId).map((r) => r.weekStart);

describe('the weekly run', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld(t);
  });

  test('When it runs before Monday 06:00, then the week before last is the latest due; at 06:00 the week just ended is taken, once', async () => {
    expect(takenFor(await t.runDueJobs(new Date('2026-03-09T05:59:00Z')), w.planId)).toEqual(['2026-02-23']);
    expect(takenFor(await t.runDueJobs(new Date('2026-03-09T06:00:00Z')), w.planId)).toEqual(['2026-03-02']);
    expect(takenFor(await t.runDueJobs(new Date('2026-03-09T07:00:00Z')), w.planId)).toEqual([]);
    const page = await weekly(t, w.lead.token, w.planId);
    expect(weeksOf(page)).toEqual(['2026-03-02', '2026-02-23']);
    expect(page.items[0]).toMatchObject({ kind: 'weekly', takenAt: '2026-03-09T06:00:00.000Z', rag: null, note: null, approximate: false, version: 1 });
    expect(page.items[0]!.summary.asOf).toBe('2026-03-08');
  });

  test('When a week was taken, then the activity log names the scheduler as its actor', async () => {
    const log = await getBody<Page<Activity>>(t, w.lead.token, pathTo(ROUTES.activity, { planId: w.planId }, { entity: 'snapshot' }));
    expect(log.items).toHaveLength(2);
    expect(log.items[0]).toMatchObject({ action: 'create', actor: { id: SYSTEM_USER.id, email: 'scheduler' }, changes: { kind: 'weekly', weekStart: '2026-03-02', asOf: '2026-03-08' } });
  });

  test('When a milestone is completed early on Monday, then the snapshot of the week before does not count it', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-03-02' });
    t.clock.set('2026-03-02T09:00:00Z');
    const ms = await createMilestone(t, w.admin.token, plan.id, { title: 'Early Monday', dueDate: '2026-03-20' });
    t.clock.set('2026-03-09T01:00:00Z');
    const done = await t.as(w.admin.token).patch(pathTo(ROUTES.milestone, { planId: plan.id, milestoneId: ms.id })).set('If-Match', '"1"').send({ status: 'done' });
    expect(done.status).toBe(200);
    expect(takenFor(await t.runDueJobs(new Date('2026-03-09T06:00:00Z')), plan.id)).toEqual(['2026-03-02']);
    const [item] = (await weekly(t, w.admin.token, plan.id)).items;
    const full = await getBody<Snapshot>(t, w.admin.token, pathTo(ROUTES.snapshot, { planId: plan.id, snapshotId: item!.id }));
    expect(full.summary.milestones).toMatchObject({ total: 1, done: 0 });
    expect(full.items.milestones).toEqual([expect.objectContaining({ id: ms.id, status: 'planned', completedAt: null })]);
  });

  test('When the process was down on Monday, then the run at start on Tuesday catches up the week just ended, not older ones', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-01-05' });
    expect(takenFor(await t.runDueJobs(new Date('2026-03-17T12:00:00Z')), plan.id)).toEqual(['2026-03-09']);
    expect(weeksOf(await weekly(t, w.admin.token, plan.id))).toEqual(['2026-03-09']);
  });

  test('When a plan starts after the week just ended, then nothing is taken for it', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-03-16' });
    expect(takenFor(await t.runDueJobs(new Date('2026-03-16T06:00:00Z')), plan.id)).toEqual([]);
    expect((await weekly(t, w.admin.token, plan.id)).total).toBe(0);
  });

  test('When a weekly snapshot is stored, then snapshot.created is announced in its transaction', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-01-05' });
    const announced = jest.spyOn(outboxSnapshotEvents, 'snapshotCreated');
    try {
      await t.runDueJobs(new Date('2026-03-23T06:00:00Z'));
      const ids = announced.mock.calls.map(([, s]) => s.planId);
      expect(ids).toContain(plan.id);
      expect(ids.filter((id) => id === plan.id)).toHaveLength(1);
    } finally {
      announced.mockRestore();
    }
  });
});

describe('two API processes on one database', () => {
  test('When both run the scheduler at the same moment, then each week is taken exactly once', async () => {
    const w = await planWorld(t);
    for (const at of ['2026-04-13T06:00:01Z']) {
      const reports = await runDueJobsInTwoProcesses(t, at);
      expect(reports.flatMap((r) => takenFor(r, w.planId))).toHaveLength(1);
    }
    expect(weeksOf(await weekly(t, w.lead.token, w.planId))).toEqual(['2026-04-06']);
    const log = await getBody<Page<Activity>>(t, w.lead.token, pathTo(ROUTES.activity, { planId: w.planId }, { entity: 'snapshot' }));
    expect(log.total).toBe(1);
  }, 120_000);
});

describe('SNAPSHOT_AT', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ SNAPSHOT_AT: 'WED 12:00' });
  });
  afterAll(async () => app.close());

  test('When it is Wednesday noon, then the run waits until then and reports on the week that ended on Sunday', async () => {
    const w = await planWorld(app);
    expect(takenFor(await app.runDueJobs(new Date('2026-03-11T11:59:00Z')), w.planId)).toEqual(['2026-02-23']);
    expect(takenFor(await app.runDueJobs(new Date('2026-03-11T12:00:00Z')), w.planId)).toEqual(['2026-03-02']);
    expect(takenFor(await app.runDueJobs(new Date('2026-03-15T23:00:00Z')), w.planId)).toEqual([]);
  });
});
