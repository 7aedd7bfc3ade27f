import { ROUTES, pathTo, type ExitItem, type Snapshot, type Summary } from '@handover/shared';
import { setupApp } from '../../support/app';
import { getBody, planWorld, type PlanWorld } from '../../support/fixtures';
import { eventsOf } from '../events/outbox-rows';
import { climbTo, createExitItem, itemUrl, moveExitItem } from './exit-items.fixtures';

// The sixth gate, exit_items_verified (docs/domain.md#exit-checklist): in the summary with its
// count by step, as history for a past asOf, as a component of the exit forecast, in snapshots, and
// watched for gate.changed. Users sign in at the real time; the clock is then set back into March.
const t = setupApp();

const summaryAt = (w: PlanWorld, asOf: string) => getBody<Summary>(t, w.executive.token, pathTo(ROUTES.summary, { planId: w.planId }, { asOf }));
const gateOf = (s: Summary) => s.gates.find((g) => g.key === 'exit_items_verified')!;
const edit = async (w: PlanWorld, item: ExitItem, body: object): Promise<ExitItem> => {
  const res = await t.as(w.lead.token).patch(itemUrl(w.planId, item.id)).set('If-Match', `"${item.version}"`).send(body);
  expect(res.status).toBe(200);
  return res.body as ExitItem;
};

describe('the gate over time', () => {
  let w: PlanWorld;
  let a: ExitItem;
  let b: ExitItem;
  let c: ExitItem;

  beforeAll(async () => {
    w = await planWorld(t);
    // 2 March: two items listed, both dated.
    t.clock.set('2026-03-02T09:00:00Z');
    a = await createExitItem(t, w.agency.token, w.planId, { name: 'Instagram account', dueDate: '2026-04-10' });
    b = await createExitItem(t, w.agency.token, w.planId, { kind: 'ad_account', name: 'Meta ads', dueDate: '2026-05-08' });
    // 3 March: A climbs all the way and is verified.
    t.clock.set('2026-03-03T09:00:00Z');
    a = await climbTo(t, w.agency.token, w.planId, a, 'agency_removed');
    a = await moveExitItem(t, w.lead.token, w.planId, a.id, 'verified');
    // 4 March: B's due date moves later and C is listed without one.
    t.clock.set('2026-03-04T09:00:00Z');
    b = await edit(w, b, { dueDate: '2026-06-01' });
    c = await createExitItem(t, w.agency.token, w.planId, { kind: 'brand_asset', name: 'Logo files' });
  });

  test('When asOf is the first day, then both items count as listed, the gate is not met and the component is the later due date', async () => {
    const s = await summaryAt(w, '2026-03-02');
    expect(s.exitItems).toEqual({ total: 2, byStatus: { listed: 2, access_shared: 0, ownership_transferred: 0, agency_removed: 0, verified: 0 }, verifiedShare: 0 });
    expect(gateOf(s)).toEqual({ key: 'exit_items_verified', met: false, detail: '0 of 2 exit items verified.' });
    expect(s.exitForecast.components.exit_items_verified).toBe('2026-05-08');
    expect(s.exitForecast.undatedGates).not.toContain('exit_items_verified');
  });

  test('When asOf is the day A was verified, then A counts as verified from its history and B keeps the due date it had then', async () => {
    const s = await summaryAt(w, '2026-03-03');
    expect(s.exitItems).toMatchObject({ total: 2, verifiedShare: 0.5, byStatus: expect.objectContaining({ verified: 1, listed: 1 }) });
    expect(gateOf(s).detail).toBe('1 of 2 exit items verified.');
    expect(s.exitForecast.components.exit_items_verified).toBe('2026-05-08');
    expect(s.readiness.components).toEqual({ milestones: 0, skills: 1, posts: 0, handovers: 0 });
  });

  test('When asOf is today, then C (no due date) leaves the gate undated', async () => {
    const s = await summaryAt(w, '2026-03-04');
    expect(s.exitItems.total).toBe(3);
    expect(s.exitForecast.components.exit_items_verified).toBeNull();
    expect(s.exitForecast.undatedGates).toContain('exit_items_verified');
  });

  test('When C gets a due date, then the component is the latest due date of the unverified items', async () => {
    c = await edit(w, c, { dueDate: '2026-04-01' });
    const s = await summaryAt(w, '2026-03-04');
    expect(s.exitForecast.components.exit_items_verified).toBe('2026-06-01');
    // C was listed on 4 March: the day before counts only A and B.
    expect((await summaryAt(w, '2026-03-03')).exitItems.total).toBe(2);
  });

  test('When every item is verified, then the gate is met and its component is asOf', async () => {
    b = await climbTo(t, w.lead.token, w.planId, b, 'verified');
    c = await climbTo(t, w.lead.token, w.planId, c, 'verified');
    const s = await summaryAt(w, '2026-03-04');
    expect(gateOf(s)).toEqual({ key: 'exit_items_verified', met: true, detail: '3 of 3 exit items verified.' });
    expect(s.exitForecast.components.exit_items_verified).toBe('2026-03-04');
    expect(s.exitItems.verifiedShare).toBe(1);
    // History still says no for the days before.
    expect(gateOf(await summaryAt(w, '2026-03-03')).met).toBe(false);
  });
});

test('When a plan has no exit items, then the gate is not met and undated', async () => {
  const w = await planWorld(t);
  const s = await summaryAt(w, '2026-03-04');
  expect(gateOf(s)).toEqual({ key: 'exit_items_verified', met: false, detail: 'No exit items listed.' });
  expect(s.exitForecast.components.exit_items_verified).toBeNull();
  expect(s.exitForecast.undatedGates).toContain('exit_items_verified');
  expect(s.gates.map((g) => g.key).at(-1)).toBe('exit_items_verified');
});

test('When a snapshot is taken, then it freezes each exit item’s id, name and status', async () => {
  const w = await planWorld(t);
  t.clock.set('2026-03-04T09:00:00Z');
  const a = await createExitItem(t, w.agency.token, w.planId, { name: 'YouTube channel' });
  const b = await createExitItem(t, w.agency.token, w.planId, { name: 'Brand fonts', kind: 'brand_asset' });
  await moveExitItem(t, w.agency.token, w.planId, b.id, 'access_shared');
  const res = await t.as(w.lead.token).post(pathTo(ROUTES.snapshots, { planId: w.planId })).send({});
  expect(res.status).toBe(201);
  const read = await getBody<Snapshot>(t, w.executive.token, pathTo(ROUTES.snapshot, { planId: w.planId, snapshotId: res.body.id }));
  expect(read.items.exitItems).toEqual([
    { id: a.id, name: 'YouTube channel', status: 'listed' },
    { id: b.id, name: 'Brand fonts', status: 'access_shared' },
  ]);
  expect(read.summary.gates.find((g) => g.key === 'exit_items_verified')).toMatchObject({ met: false, detail: '0 of 2 exit items verified.' });
  expect(read.summary.exitItems).toMatchObject({ total: 2 });
});

test('When the last item is verified and then moved back, then gate.changed records exit_items_verified false → true → false', async () => {
  const w = await planWorld(t);
  t.clock.set('2026-03-04T09:00:00Z');
  const gates = t.services.gates;
  const item = await createExitItem(t, w.agency.token, w.planId);
  await gates.flush(t.clock.now()); // the plan's first check stores its state
  const verified = await climbTo(t, w.lead.token, w.planId, item, 'verified');
  expect(await gates.flush(t.clock.now())).toContainEqual({ planId: w.planId, key: 'exit_items_verified', from: false, to: true });
  await moveExitItem(t, w.lead.token, w.planId, verified.id, 'agency_removed');
  expect(await gates.flush(t.clock.now())).toContainEqual({ planId: w.planId, key: 'exit_items_verified', from: true, to: false });
  const flips = (await eventsOf(t, w.planId, 'gate.changed')).map((e) => `${e.data.key}:${e.data.from}->${e.data.to}`);
  expect(flips).toEqual(['exit_items_verified:false->true', 'exit_items_verified:true->false']);
});
