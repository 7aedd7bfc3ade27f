import { ROUTES, addDays, pathTo, type Activity, type Page, type Snapshot, type SnapshotBackfillResult, type SnapshotListItem, type Summary } from '@handover/shared';
import { outboxSnapshotEvents } from '../../../api/src/modules/snapshots/events';
import { setupApp } from '../../support/app';
import { createMilestone, createPlan, getBody, planWorld, type PlanWorld } from '../../support/fixtures';
import { expectProblem } from '../../support/problem';

// Backfill: the missing weekly snapshots since the plan started, at most 104 weeks, rebuilt from
// history and marked approximate where history cannot be exact (docs/domain.md#status-over-time).
const t = setupApp();

const backfill = (token: string, planId: string) => t.as(token).post(pathTo(ROUTES.snapshotsBackfill, { planId }));
const weekly = (token: string, planId: string) =>
  getBody<Page<SnapshotListItem>>(t, token, pathTo(ROUTES.snapshots, { planId }, { kind: 'weekly', limit: 200 }));
const snapshot = (token: string, planId: string, snapshotId: string) => getBody<Snapshot>(t, token, pathTo(ROUTES.snapshot, { planId, snapshotId }));

describe('filling the missing weeks', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld(t);
    t.clock.set('2026-01-06T10:00:00Z');
    const ms = await createMilestone(t, w.lead.token, w.planId, { title: 'Chat', dueDate: '2026-01-30' });
    t.clock.set('2026-01-21T10:00:00Z');
    const res = await t.as(w.lead.token).patch(pathTo(ROUTES.milestone, { planId: w.planId, milestoneId: ms.id })).set('If-Match', '"1"').send({ status: 'done' });
    expect(res.status).toBe(200);
    // Wednesday 4 March: the latest week due is the one of 23 February (its Monday run has passed).
    t.clock.set('2026-03-04T10:00:00Z');
  });

  test('When a lead backfills, then every week from the plan start to the week just ended is taken, as history had it', async () => {
    // One week was taken on time; it stays as it was.
    await t.runDueJobs(new Date('2026-02-02T06:00:00Z'));
    const announced = jest.spyOn(outboxSnapshotEvents, 'snapshotCreated');
    let res;
    try {
      res = await backfill(w.lead.token, w.planId);
    } finally {
      announced.mockRestore();
    }
    expect(res.status).toBe(200);
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];
    expect(res.body).toEqual({ created: 7, approximate: 0, weeks } satisfies SnapshotBackfillResult);
    // Backfill announces nothing (no webhooks, no email).
    expect(announced).not.toHaveBeenCalled();

    const page = await weekly(w.executive.token, w.planId);
    expect(page.items.map((s) => s.weekStart)).toEqual([...weeks.slice(3).reverse(), '2026-01-26', ...weeks.slice(0, 3).reverse()]);
    for (const item of page.items) {
      const summary = await getBody<Summary>(t, w.lead.token, pathTo(ROUTES.summary, { planId: w.planId }, { asOf: addDays(item.weekStart!, 6) }));
      expect(item.summary).toEqual(summary);
    }
    const first = page.items.find((s) => s.weekStart === '2026-01-12')!;
    expect((await snapshot(w.lead.token, w.planId, first.id)).items.milestones).toEqual([expect.objectContaining({ title: 'Chat', status: 'planned' })]);
    const after = page.items.find((s) => s.weekStart === '2026-01-19')!;
    expect(after.summary.milestones.done).toBe(1);

    const [entry] = (await getBody<Page<Activity>>(t, w.lead.token, pathTo(ROUTES.activity, { planId: w.planId }, { action: 'backfill' }))).items;
    expect(entry).toMatchObject({ entity: 'snapshot', actor: { id: w.lead.id }, changes: { created: 7, approximate: 0, weeks } });
  });

  test('When it runs again, then nothing is missing and nothing is written', async () => {
    const before = await weekly(w.lead.token, w.planId);
    const res = await backfill(w.admin.token, w.planId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, approximate: 0, weeks: [] });
    expect(await weekly(w.lead.token, w.planId)).toEqual(before);
    expect((await getBody<Page<Activity>>(t, w.lead.token, pathTo(ROUTES.activity, { planId: w.planId }, { action: 'backfill' }))).total).toBe(1);
  });

  test('When an executive backfills, then 403 and nothing is taken', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-02-02' });
    await t.as(w.admin.token).put(pathTo(ROUTES.member, { planId: plan.id, userId: w.executive.id })).send({ role: 'executive' });
    expectProblem(await backfill(w.executive.token, plan.id), 403);
    expect((await weekly(w.admin.token, plan.id)).total).toBe(0);
  });

  test('When the plan starts after the week just ended, then there is nothing to fill', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-03-02', targetExitDate: '2026-09-07' });
    expect((await backfill(w.admin.token, plan.id)).body).toEqual({ created: 0, approximate: 0, weeks: [] });
  });
});

describe('approximate weeks', () => {
  let w: PlanWorld;
  beforeAll(async () => {
    w = await planWorld(t);
  });

  test('When a milestone was deleted since, then the weeks before the deletion are approximate and the later ones are not', async () => {
    t.clock.set('2026-01-06T10:00:00Z');
    const gone = await createMilestone(t, w.lead.token, w.planId, { title: 'Gone', dueDate: '2026-02-01' });
    await createMilestone(t, w.lead.token, w.planId, { title: 'Stays', dueDate: '2026-02-01' });
    t.clock.set('2026-01-28T10:00:00Z');
    expect((await t.as(w.lead.token).delete(pathTo(ROUTES.milestone, { planId: w.planId, milestoneId: gone.id }))).status).toBe(204);
    t.clock.set('2026-02-18T10:00:00Z');
    const res = await backfill(w.lead.token, w.planId);
    expect(res.body).toEqual({ created: 6, approximate: 3, weeks: ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'] });
    const flags = Object.fromEntries((await weekly(w.lead.token, w.planId)).items.map((s) => [s.weekStart, s.approximate]));
    expect(flags).toEqual({
      '2026-01-05': true,
      '2026-01-12': true,
      '2026-01-19': true,
      '2026-01-26': false,
      '2026-02-02': false,
      '2026-02-09': false,
    });
  });

  test('When a due date was changed without the log recording it, then the weeks before the change are approximate', async () => {
    const plan = await createPlan(t, w.admin.token, { startDate: '2026-01-05' });
    t.clock.set('2026-01-06T10:00:00Z');
    const ms = await createMilestone(t, w.admin.token, plan.id, { title: 'Moved quietly', dueDate: '2026-02-01' });
    // As an old version did: the row changed on 20 January and the log kept nothing of it.
    await t.db.write((m) => m.query(`UPDATE milestones SET due_date = '2026-03-01', updated_at = '2026-01-20T10:00:00.000Z' WHERE id = ${t.db.param(1)}`, [ms.id]));
    t.clock.set('2026-02-04T10:00:00Z');
    await backfill(w.admin.token, plan.id);
    const flags = Object.fromEntries((await weekly(w.admin.token, plan.id)).items.map((s) => [s.weekStart, s.approximate]));
    expect(flags).toEqual({ '2026-01-05': true, '2026-01-12': true, '2026-01-19': false, '2026-01-26': false });
  });
});

describe('the limit', () => {
  test('When the plan started more than 104 weeks ago, then only the latest 104 weeks are filled', async () => {
    t.clock.set('2026-03-04T10:00:00Z');
    const w = await planWorld(t);
    const plan = await createPlan(t, w.admin.token, { startDate: '2023-01-02', targetExitDate: '2026-12-28' });
    const started = Date.now();
    const res = await backfill(w.admin.token, plan.id);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(104);
    expect(res.body.weeks[0]).toBe(addDays('2026-02-23', -7 * 103));
    expect(res.body.weeks.at(-1)).toBe('2026-02-23');
    expect((await weekly(w.admin.token, plan.id)).total).toBe(104);
    // Not a benchmark: a guard against a backfill that grows out of hand (one summary per week).
    expect(elapsed).toBeLessThan(30_000);
  }, 60_000);
});
