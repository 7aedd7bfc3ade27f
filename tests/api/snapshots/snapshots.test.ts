import { ROUTES, pathTo, type Activity, type Page, type Snapshot, type SnapshotComparison, type SnapshotListItem, type Summary } from '@handover/shared';
import { setupApp } from '../../support/app';
import { GHOST, createHandover, createMilestone, createPlan, getBody, moveHandover, setupPlanWorld, type PlanWorld } from '../../support/fixtures';
import { expectFieldError, expectProblem } from '../../support/problem';
import { createExitItem, moveExitItem } from '../exit-items/exit-items.fixtures';

// Snapshots taken on demand, their status note, the list and compare (docs/domain.md#status-over-time).
// Users sign in at the real time; the clock is then set back into the plan's weeks (sessions stay valid).
const t = setupApp();
const w: PlanWorld = setupPlanWorld(t);
beforeAll(() => t.clock.set('2026-03-04T10:00:00Z'));

const snapshots = () => pathTo(ROUTES.snapshots, { planId: w.planId });
const snapshotPath = (snapshotId: string) => pathTo(ROUTES.snapshot, { planId: w.planId, snapshotId });
const take = async (body: object = { rag: 'green', note: 'On track' }, headers: Record<string, string> = {}) => {
  const res = await t.as(w.lead.token).post(snapshots()).set(headers).send(body);
  expect(res.status).toBe(201);
  return res;
};
const listed = (query: Record<string, string | number> = {}) => getBody<Page<SnapshotListItem>>(t, w.lead.token, pathTo(ROUTES.snapshots, { planId: w.planId }, query));
const activity = (entity: string) => getBody<Page<Activity>>(t, w.lead.token, pathTo(ROUTES.activity, { planId: w.planId }, { entity }));

describe('taking a snapshot', () => {
  test('When a lead takes one, then 201 with the summary of today, the targets, every milestone and handover, and the status', async () => {
    const ms = await createMilestone(t, w.lead.token, w.planId, { title: 'Chat', weight: 2, dueDate: '2026-03-01' });
    const h = await createHandover(t, w.agency.token, w.planId, { title: 'Instagram' });
    const res = await take({ rag: 'amber', note: '  Slipping a little  ' });
    expect(res.headers.etag).toBe('"1"');
    const summary = await getBody<Summary>(t, w.lead.token, pathTo(ROUTES.summary, { planId: w.planId }));
    expect(res.body).toEqual({
      id: expect.any(String),
      planId: w.planId,
      kind: 'manual',
      weekStart: null,
      takenAt: '2026-03-04T10:00:00.000Z',
      rag: 'amber',
      note: 'Slipping a little',
      summary,
      targets: { inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 },
      items: {
        milestones: [{ id: ms.id, title: 'Chat', status: 'planned', dueDate: '2026-03-01', weight: 2, completedAt: null }],
        handovers: [{ id: h.id, title: 'Instagram', status: 'agency' }],
        exitItems: [],
      },
      approximate: false,
      version: 1,
    });
    expect(summary.milestones.overdue).toBe(1);
    const read = await t.as(w.executive.token).get(snapshotPath(res.body.id));
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(res.body);
    const [entry] = (await activity('snapshot')).items;
    expect(entry).toMatchObject({ action: 'create', entityId: res.body.id, actor: { id: w.lead.id }, changes: { kind: 'manual', rag: 'amber', note: 'Slipping a little' } });
  });

  test('When the status is left out, then rag and note are null', async () => {
    const res = await take({});
    expect(res.body).toMatchObject({ rag: null, note: null });
  });

  test('When the same Idempotency-Key is sent twice, then the first snapshot is answered again and no second is taken', async () => {
    const key = `snap-${Date.now()}`;
    const first = await take({ rag: 'red', note: 'Once' }, { 'Idempotency-Key': key });
    const before = (await listed()).total;
    const again = await t.as(w.lead.token).post(snapshots()).set('Idempotency-Key', key).send({ rag: 'red', note: 'Once' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await listed()).total).toBe(before);
  });

  test.each([
    ['an unknown rag', { rag: 'purple' }, 'rag'],
    ['a note of 5001 characters', { note: 'x'.repeat(5001) }, 'note'],
    ['a figure', { summary: {} }, 'summary'],
    ['a kind', { kind: 'weekly' }, 'kind'],
  ])('When the body holds %s, then 422 naming it and nothing is taken', async (_what, body, path) => {
    const before = await listed();
    const res = await t.as(w.lead.token).post(snapshots()).send(body);
    expectFieldError(res, path);
    expect(await listed()).toEqual(before);
  });
});

describe('editing the status note', () => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = (await take({ rag: 'green', note: 'Fine' })).body as Snapshot;
  });

  test('When If-Match is missing or stale, then 428 or 412 and the note is unchanged', async () => {
    expectProblem(await t.as(w.lead.token).patch(snapshotPath(snapshot.id)).send({ note: 'Edited' }), 428);
    expectProblem(await t.as(w.lead.token).patch(snapshotPath(snapshot.id)).set('If-Match', '"7"').send({ note: 'Edited' }), 412);
    expect((await t.as(w.lead.token).get(snapshotPath(snapshot.id))).body).toEqual(snapshot);
  });

  test('When a figure is sent, then 422 and nothing changes', async () => {
    const res = await t.as(w.lead.token).patch(snapshotPath(snapshot.id)).set('If-Match', '"1"').send({ approximate: true, summary: snapshot.summary });
    expectFieldError(res, 'approximate');
    expect((await t.as(w.lead.token).get(snapshotPath(snapshot.id))).body).toEqual(snapshot);
  });

  test('When the lead edits the note, then only rag and note change, the version moves on and the edit is logged', async () => {
    t.clock.set('2026-03-05T08:00:00Z');
    const res = await t.as(w.lead.token).patch(snapshotPath(snapshot.id)).set('If-Match', '"1"').send({ rag: 'red', note: 'Not fine after all' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toEqual({ ...snapshot, rag: 'red', note: 'Not fine after all', version: 2 });
    expect((await t.as(w.lead.token).get(snapshotPath(snapshot.id))).body).toEqual(res.body);
    const [entry] = (await activity('snapshot')).items;
    expect(entry).toMatchObject({ action: 'update', entityId: snapshot.id, changes: { rag: { from: 'green', to: 'red' }, note: { from: 'Fine', to: 'Not fine after all' } } });
  });

  test('When the same status is sent again, then nothing is written and the version stays', async () => {
    const entries = (await activity('snapshot')).total;
    const res = await t.as(w.lead.token).patch(snapshotPath(snapshot.id)).set('If-Match', '"2"').send({ note: 'Not fine after all' });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect((await activity('snapshot')).total).toBe(entries);
  });

  test('When the note is cleared, then it is null', async () => {
    const res = await t.as(w.lead.token).patch(snapshotPath(snapshot.id)).set('If-Match', '"2"').send({ note: null });
    expect(res.status).toBe(200);
    expect((await t.as(w.lead.token).get(snapshotPath(snapshot.id))).body).toMatchObject({ note: null, rag: 'red', version: 3 });
  });

  test('When the snapshot is of another plan, then 404', async () => {
    const other = await createPlan(t, w.admin.token);
    const res = await t.as(w.admin.token).get(pathTo(ROUTES.snapshot, { planId: other.id, snapshotId: snapshot.id }));
    expectProblem(res, 404, 'not-found');
  });
});

describe('the list', () => {
  test('When snapshots were taken, then they are listed newest first, paged, without items', async () => {
    t.clock.set('2026-03-06T09:00:00Z');
    const a = (await take({ note: 'Friday morning' })).body as Snapshot;
    t.clock.set('2026-03-06T15:00:00Z');
    const b = (await take({ note: 'Friday afternoon' })).body as Snapshot;
    const page = await listed({ limit: 2 });
    expect(page.limit).toBe(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.items.map((s) => s.id)).toEqual([b.id, a.id]);
    const { items: _items, ...withoutItems } = b;
    expect(page.items[0]).toEqual(withoutItems);
    const next = await listed({ limit: 2, offset: 2 });
    expect(next.items.map((s) => s.id)).not.toContain(a.id);
    expect((await listed({ kind: 'weekly' })).total).toBe(0);
  });
});

describe('compare', () => {
  test('When a milestone was completed, another moved later and a handover moved between two snapshots, then compare lists them', async () => {
    t.clock.set('2026-03-09T10:00:00Z');
    const done = await createMilestone(t, w.lead.token, w.planId, { title: 'Done soon', dueDate: '2026-04-01' });
    const slips = await createMilestone(t, w.lead.token, w.planId, { title: 'Slips', dueDate: '2026-04-10' });
    const h = await createHandover(t, w.agency.token, w.planId, { title: 'Newsletter' });
    const from = (await take()).body as Snapshot;
    t.clock.set('2026-03-10T10:00:00Z');
    const patch = (id: string, body: object) => t.as(w.lead.token).patch(pathTo(ROUTES.milestone, { planId: w.planId, milestoneId: id })).set('If-Match', '"1"').send(body);
    expect((await patch(done.id, { status: 'done' })).status).toBe(200);
    expect((await patch(slips.id, { dueDate: '2026-05-01' })).status).toBe(200);
    await moveHandover(t, w.agency.token, w.planId, h.id, 'shadowing');
    const to = (await take()).body as Snapshot;

    const res = await t.as(w.agency.token).get(pathTo(ROUTES.snapshotsCompare, { planId: w.planId }, { from: from.id, to: to.id }));
    expect(res.status).toBe(200);
    const diff = res.body as SnapshotComparison;
    expect(diff.milestonesCompleted).toEqual([{ id: done.id, title: 'Done soon', completedAt: '2026-03-10T10:00:00.000Z' }]);
    expect(diff.milestonesSlipped).toEqual([{ id: slips.id, title: 'Slips', dueFrom: '2026-04-10', dueTo: '2026-05-01' }]);
    expect(diff.handoversMoved).toEqual([{ id: h.id, title: 'Newsletter', from: 'agency', to: 'shadowing' }]);
    expect(diff.readiness.components.milestones.delta).toBeGreaterThan(0);
    expect(diff.readiness.delta).toBeCloseTo(diff.readiness.to - diff.readiness.from);
  });

  test('When exit items moved on their ladder between two snapshots, then compare lists each with both steps, and an unmoved one is left out', async () => {
    t.clock.set('2026-03-09T10:00:00Z');
    const adAccount = await createExitItem(t, w.lead.token, w.planId, { kind: 'ad_account', name: 'Meta ad account', channel: 'facebook' });
    const still = await createExitItem(t, w.lead.token, w.planId, { name: 'Instagram @still' });
    const from = (await take()).body as Snapshot;
    expect(from.items.exitItems.map((x) => x.id).sort()).toEqual([adAccount.id, still.id].sort());
    t.clock.set('2026-03-10T10:00:00Z');
    await moveExitItem(t, w.agency.token, w.planId, adAccount.id, 'access_shared', 'lead added as admin');
    const to = (await take()).body as Snapshot;

    const res = await t.as(w.executive.token).get(pathTo(ROUTES.snapshotsCompare, { planId: w.planId }, { from: from.id, to: to.id }));
    expect(res.status).toBe(200);
    expect((res.body as SnapshotComparison).exitItemsMoved).toEqual([{ id: adAccount.id, name: 'Meta ad account', from: 'listed', to: 'access_shared' }]);
    const back = await t.as(w.lead.token).get(pathTo(ROUTES.snapshotsCompare, { planId: w.planId }, { from: to.id, to: from.id }));
    expect((back.body as SnapshotComparison).exitItemsMoved).toEqual([{ id: adAccount.id, name: 'Meta ad account', from: 'access_shared', to: 'listed' }]);
  });

  test('When a snapshot id names nothing in the plan, then 404; when one is missing or malformed, then 422', async () => {
    const s = (await take()).body as Snapshot;
    expectProblem(await t.as(w.lead.token).get(pathTo(ROUTES.snapshotsCompare, { planId: w.planId }, { from: s.id, to: GHOST })), 404, 'not-found');
    expectFieldError(await t.as(w.lead.token).get(pathTo(ROUTES.snapshotsCompare, { planId: w.planId }, { from: s.id })), 'to');
    expectFieldError(await t.as(w.lead.token).get(pathTo(ROUTES.snapshotsCompare, { planId: w.planId }, { from: 'x', to: s.id })), 'from');
  });
});
