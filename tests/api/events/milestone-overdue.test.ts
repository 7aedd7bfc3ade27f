import { pathTo, ROUTES, type Milestone } from '@handover/shared';
import { setupApp } from '../../support/app';
import { createMilestone, planWorld, type PlanWorld } from '../../support/fixtures';
import { eventsOf } from './outbox-rows';

// milestone.overdue (docs/domain.md#webhooks): checked daily by the scheduler, announced once per
// milestone and due date; a due date moved later that passes again is announced again.
const t = setupApp({ now: '2026-03-02T09:00:00.000Z' });
const at = (instant: string) => t.runDueJobs(new Date(instant));

async function patch(world: PlanWorld, ms: Milestone, body: Record<string, unknown>): Promise<Milestone> {
  const res = await t.as(world.lead.token).patch(pathTo(ROUTES.milestone, { planId: world.planId, milestoneId: ms.id })).set('If-Match', `"${ms.version}"`).send(body);
  expect(res.status).toBe(200);
  return res.body as Milestone;
}

test('When a milestone is due yesterday and not done, then one milestone.overdue is recorded with the documented payload, and never again for that due date', async () => {
  const world = await planWorld(t);
  const ms = await createMilestone(t, world.lead.token, world.planId, { title: 'Train the team', phase: 'outward_presence', dueDate: '2026-03-05' });
  await at('2026-03-05T01:00:00.000Z'); // due today: not yet overdue
  expect(await eventsOf(t, world.planId, 'milestone.overdue')).toEqual([]);

  const report = await at('2026-03-06T00:00:30.000Z');
  expect(report.overdue).toBeGreaterThanOrEqual(1);
  expect(await eventsOf(t, world.planId, 'milestone.overdue')).toEqual([
    {
      type: 'milestone.overdue',
      timestamp: '2026-03-06T00:00:30.000Z',
      data: {
        plan: { id: world.planId, name: 'Voice back home' },
        milestone: { id: ms.id, title: 'Train the team', phase: 'outward_presence', dueDate: '2026-03-05', status: 'planned' },
      },
    },
  ]);
  // Later the same day, the next days: the same due date is never announced twice.
  await at('2026-03-06T12:00:00.000Z');
  await at('2026-03-07T00:01:00.000Z');
  await at('2026-03-20T00:01:00.000Z');
  expect(await eventsOf(t, world.planId, 'milestone.overdue')).toHaveLength(1);
});

test('When an overdue milestone is moved to a later date that passes too, then it is announced again for the new date only', async () => {
  const world = await planWorld(t);
  const ms = await createMilestone(t, world.lead.token, world.planId, { dueDate: '2026-04-01' });
  await at('2026-04-02T00:01:00.000Z');
  const moved = await patch(world, ms, { dueDate: '2026-04-10' });
  await at('2026-04-05T00:01:00.000Z'); // not due yet
  expect((await eventsOf(t, world.planId, 'milestone.overdue')).map((e) => e.data.milestone.dueDate)).toEqual(['2026-04-01']);
  await at('2026-04-11T00:01:00.000Z');
  await at('2026-04-12T00:01:00.000Z');
  expect((await eventsOf(t, world.planId, 'milestone.overdue')).map((e) => e.data.milestone.dueDate)).toEqual(['2026-04-01', '2026-04-10']);
  // Moved back to a date already announced: nothing new.
  await patch(world, moved, { dueDate: '2026-04-01' });
  await at('2026-04-13T00:01:00.000Z');
  expect(await eventsOf(t, world.planId, 'milestone.overdue')).toHaveLength(2);
});

test('When a milestone past its date is done, then it is not announced', async () => {
  const world = await planWorld(t);
  const ms = await createMilestone(t, world.lead.token, world.planId, { dueDate: '2026-05-01' });
  await patch(world, ms, { status: 'done' });
  await createMilestone(t, world.lead.token, world.planId, { dueDate: '2026-05-01', status: 'done' });
  await at('2026-05-04T00:01:00.000Z');
  expect(await eventsOf(t, world.planId, 'milestone.overdue')).toEqual([]);
});

test('When two runs check the same day at the same moment (two processes), then each due date is announced once', async () => {
  const world = await planWorld(t);
  await createMilestone(t, world.lead.token, world.planId, { dueDate: '2026-06-01' });
  await createMilestone(t, world.lead.token, world.planId, { dueDate: '2026-06-02', title: 'Second' });
  const [a, b] = await Promise.all([at('2026-06-03T00:01:00.000Z'), at('2026-06-03T00:01:00.000Z')]);
  const events = await eventsOf(t, world.planId, 'milestone.overdue');
  expect(events.map((e) => e.data.milestone.dueDate).sort()).toEqual(['2026-06-01', '2026-06-02']);
  expect(a.overdue + b.overdue).toBeGreaterThanOrEqual(2);
});
