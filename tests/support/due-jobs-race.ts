import path from 'node:path';
import type { JobReport } from '../../api/src/modules/snapshots/scheduler';
import type { TestApp } from './app';
import { databaseUrl } from './database';
import { ROOT, ServerProcess } from './launcher';

/**
 * Two processes (tests/support/run-due-jobs.ts) on the test app's database run the jobs due at
 * `runAt` at the same moment; both must exit cleanly with no job failed. Their reports.
 */
export async function runDueJobsInTwoProcesses(t: TestApp, runAt: string): Promise<JobReport[]> {
  // Time for both to start (tsx compiles each) before they go together, also on a busy machine.
  const goAt = String(Date.now() + 15_000);
  const launch = () =>
    ServerProcess.launch({
      entry: path.join(ROOT, 'tests/support/run-due-jobs.ts'),
      databaseUrl: databaseUrl(t.config.database),
      env: { RUN_AT: runAt, GO_AT: goAt, SCHEDULER: 'off' },
      readyPath: null,
      readyOutput: /^ready$/m,
      startTimeoutMs: 60_000,
    });
  const processes = await Promise.all([launch(), launch()]);
  const exits = await Promise.all(processes.map((p) => p.exited));
  expect(exits.map((e) => e.code)).toEqual([0, 0]);
  const reports = processes.map((p) => JSON.parse(/^report (.*)$/m.exec(p.output())![1]!) as JobReport);
  expect(reports.flatMap((r) => r.failed)).toEqual([]);
  return reports;
}
