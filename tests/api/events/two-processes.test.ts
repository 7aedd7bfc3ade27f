import path from 'node:path';
import type { JobReport } from '../../../api/src/modules/snapshots/scheduler';
import { setupApp } from '../../support/app';
import { databaseUrl } from '../../support/database';
import { createMilestone, createSkill, planWorld } from '../../support/fixtures';
import { ROOT, ServerProcess } from '../../support/launcher';
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

  const goAt = String(Date.now() + 8_000);
  const launch = () =>
    ServerProcess.launch({
      entry: path.join(ROOT, 'tests/support/run-due-jobs.ts'),
      databaseUrl: databaseUrl(t.config.database),
      env: { RUN_AT: '2026-04-13T06:00:01Z', GO_AT: goAt, SCHEDULER: 'off' },
      readyPath: null,
      readyOutput: /^ready$/m,
      startTimeoutMs: 60_000,
    });
  const processes = await Promise.all([launch(), launch()]);
  const exits = await Promise.all(processes.map((p) => p.exited));
  expect(exits.map((e) => e.code)).toEqual([0, 0]);
  const reports = processes.map((p) => JSON.parse(/^report (.*)$/m.exec(p.output())![1]!) as JobReport);
  expect(reports.flatMap((r) => r.failed)).toEqual([]);

  expect((await eventsOf(t, w.planId, 'milestone.overdue')).map((e) => e.data.milestone.dueDate)).toEqual(['2026-04-01']);
  expect((await eventsOf(t, w.planId, 'gate.changed')).map((e) => [e.data.key, e.data.from, e.data.to])).toEqual([['skills_covered', true, false]]);
  expect((await eventsOf(t, w.planId, 'snapshot.created')).map((e) => e.data.snapshot.weekStart)).toEqual(['2026-04-06']);
}, 120_000);
