import { setupApp } from '../../support/app';
import { runDueJobsInTwoProcesses } from '../../support/due-jobs-race';
import { createMilestone, createSkill, planWorld } from '../../support/fixtures';
import { eventsOf } from './outbox-rows';

// Two API processes run the scheduler at the same moment on one database (docs/domain.md#webhooks):
// an overdue milestone is announced once, a flipped gate is reported once, the week's snapshot once.
const t = setupApp({ now: '2026-04-08T10:00:00.000Z' });

test('When two processes run the due jobs together, then milestone.overdue, gate.changed and snapshot.created are each recorded once', async () => {
  const w = await planWorld(t);
  await createMilestone(t, w.lead.token, w.planId, { dueDate: '2026-04-01' });
  await t.services.gates.flush(t.clock.now()); // the plan's first check: its state, no event
  await createSkill(t, w.lead.token, w.planId, { critical: true }); // skills_covered true → false, not yet checked
  (t.services.gates as unknown as { dirty: Set<string> }).dirty.clear();

  await runDueJobsInTwoProcesses(t, '2026-04-13T06:00:01Z');

  expect((await eventsOf(t, w.planId, 'milestone.overdue')).map((e) => e.data.milestone.dueDate)).toEqual(['2026-04-01']);
  expect((await eventsOf(t, w.planId, 'gate.changed')).map((e) => [e.data.key, e.data.from, e.data.to])).toEqual([['skills_covered', true, false]]);
  expect((await eventsOf(t, w.planId, 'snapshot.created')).map((e) => e.data.snapshot.weekStart)).toEqual(['2026-04-06']);
}, 120_000);
