import { pathTo, ROUTES, type Milestone } from '@handover/shared';
import type { GateWatcher } from '../../../api/src/modules/gates/gate-watcher';
import { setupApp } from '../../support/app';
import { createMilestone, createPerson, createPost, createSkill, createWebhook, planWorld, recordAdoption, type PlanWorld } from '../../support/fixtures';
import { eventsOf } from './outbox-rows';

// gate.changed (docs/domain.md#webhooks): after a commit that can move a gate the plan is marked and
// a debounced check compares the five gates with the last known state; the scheduler's sweep redoes
// a check a crash lost; a plan's first check only stores the state.
const t = setupApp({ now: '2026-03-04T10:00:00.000Z', env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
const gates = () => t.services.gates;
const now = () => t.clock.now();
const flips = async (world: PlanWorld) => (await eventsOf(t, world.planId, 'gate.changed')).map((e) => `${e.data.key}:${e.data.from}->${e.data.to}`);

async function done(world: PlanWorld, ms: Milestone): Promise<void> {
  await t.as(world.lead.token).patch(pathTo(ROUTES.milestone, { planId: world.planId, milestoneId: ms.id })).set('If-Match', `"${ms.version}"`).send({ status: 'done' }).expect(200);
}

/** A fresh plan whose first check has stored its state (an empty plan: only skills_covered met). */
async function checkedPlan(): Promise<PlanWorld> {
  const world = await planWorld(t);
  expect(await gates().flush(now())).toEqual([]);
  expect(await flips(world)).toEqual([]);
  return world;
}

test('When the last milestone is completed, then one gate.changed milestones_done false → true is recorded with its detail', async () => {
  const world = await checkedPlan();
  const ms = await createMilestone(t, world.lead.token, world.planId);
  expect(await gates().flush(now())).toEqual([]); // one milestone, not done: still not met
  await done(world, ms);
  expect(await gates().flush(now())).toEqual([{ planId: world.planId, key: 'milestones_done', from: false, to: true }]);
  const [event] = await eventsOf(t, world.planId, 'gate.changed');
  expect(event).toEqual({
    type: 'gate.changed',
    timestamp: now().toISOString(),
    data: { plan: { id: world.planId, name: 'Voice back home' }, key: 'milestones_done', from: false, to: true, detail: expect.any(String) },
  });
  // Nothing moved since: another check records nothing.
  await gates().check(world.planId, now());
  expect(await flips(world)).toEqual(['milestones_done:false->true']);
});

test('When a critical skill opens a gap and a new milestone reopens milestones_done, then each flip is one event', async () => {
  const world = await checkedPlan();
  const ms = await createMilestone(t, world.lead.token, world.planId);
  await done(world, ms);
  await gates().flush(now());
  await createSkill(t, world.lead.token, world.planId, { critical: true });
  await createMilestone(t, world.lead.token, world.planId, { title: 'Another' });
  await gates().flush(now());
  expect(await flips(world)).toEqual(['milestones_done:false->true', 'skills_covered:true->false', 'milestones_done:true->false']);
});

test('When adoption reaches the target, then internal_network flips', async () => {
  const world = await checkedPlan();
  await recordAdoption(t, world.lead.token, world.planId, { weekStart: '2026-02-23', activeUsers: 9, totalStaff: 10 });
  await gates().flush(now());
  expect(await flips(world)).toEqual(['internal_network:false->true']);
});

test('When the check after a commit is lost (a crash), then the scheduler sweep redoes it once', async () => {
  const world = await checkedPlan();
  const ms = await createMilestone(t, world.lead.token, world.planId);
  await done(world, ms);
  // What a crash between the commit and the check loses: the in-memory mark.
  (gates() as unknown as { dirty: Set<string> }).dirty.clear();
  expect(await gates().flush(now())).toEqual([]);
  const report = await t.runDueJobs(now());
  expect(report.gateChanges).toBeGreaterThanOrEqual(1);
  expect(await flips(world)).toEqual(['milestones_done:false->true']);
  await t.runDueJobs(now());
  expect(await flips(world)).toEqual(['milestones_done:false->true']);
});

test('When only things that cannot move a gate change, then the sweep does not check the plan again', async () => {
  const world = await checkedPlan();
  await t.runDueJobs(now()); // settles every plan of the file
  const spy = jest.spyOn(gates() as GateWatcher, 'check');
  try {
    await createWebhook(t, world.lead.token, world.planId, { events: ['gate.changed'] });
    await t.runDueJobs(now());
    expect(spy.mock.calls.map(([planId]) => planId)).not.toContain(world.planId);
    await createPerson(t, world.lead.token, world.planId);
    await t.runDueJobs(now());
    expect(spy.mock.calls.map(([planId]) => planId)).toContain(world.planId);
  } finally {
    spy.mockRestore();
  }
});

test('When a lead takes a snapshot, then the gates are checked at it even if the check after the commit was lost', async () => {
  const world = await checkedPlan();
  const ms = await createMilestone(t, world.lead.token, world.planId);
  await done(world, ms);
  (gates() as unknown as { dirty: Set<string> }).dirty.clear();
  await t.as(world.lead.token).post(pathTo(ROUTES.snapshots, { planId: world.planId })).send({ rag: null, note: null }).expect(201);
  await gates().flush(now());
  expect(await flips(world)).toEqual(['milestones_done:false->true']);
});

test('When a week passes without posts, then the weekly snapshot run records posts_share true → false (time alone moved it)', async () => {
  const world = await checkedPlan();
  for (const day of ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']) {
    await createPost(t, world.lead.token, world.planId, { publishedAt: `${day}T10:00:00Z`, source: 'in_house' });
  }
  await gates().flush(now());
  expect(await flips(world)).toEqual(['posts_share:false->true']);
  // Monday 2026-03-09: the week of 2026-03-02 has no posts and enters the window; nothing was written.
  const report = await t.runDueJobs(new Date('2026-03-09T06:00:00.000Z'));
  expect(report.weekly.map((w) => w.planId)).toContain(world.planId);
  expect(await flips(world)).toEqual(['posts_share:false->true', 'posts_share:true->false']);
  const last = (await eventsOf(t, world.planId, 'gate.changed')).at(-1)!;
  expect(last.timestamp).toBe('2026-03-09T06:00:00.000Z');
});

test('When the watcher runs (as server.ts starts it), then a change is checked by itself about a second after its commit', async () => {
  const world = await checkedPlan();
  gates().start();
  try {
    const ms = await createMilestone(t, world.lead.token, world.planId);
    await done(world, ms);
    const deadline = Date.now() + 5_000;
    while ((await flips(world)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await flips(world)).toEqual(['milestones_done:false->true']);
  } finally {
    await gates().stop();
  }
});
