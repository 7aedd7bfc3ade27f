import 'reflect-metadata';
import pino from 'pino';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { openDatabase } from '../../api/src/db/data-source';

// One API process's scheduler, for the two-process test (tests/api/snapshots/scheduler.test.ts):
// opens the database as the server does, prints "ready", waits until GO_AT (epoch ms) so that two
// such processes start together, runs the jobs due at RUN_AT and prints the report as one JSON line.
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  const { runDueJobs } = createApp({ db, config, logger: pino({ level: 'silent' }) });
  console.log('ready');
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.GO_AT) - Date.now())));
  const report = await runDueJobs(new Date(process.env.RUN_AT!));
  console.log(`report ${JSON.stringify(report)}`);
  await db.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
