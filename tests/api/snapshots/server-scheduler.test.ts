import path from 'node:path';
import { DEFAULT_SNAPSHOT_AT, ROUTES, parseWeeklyAt, pathTo, type Page, type SnapshotListItem } from '@handover/shared';
import { latestDueWeek } from '../../../api/src/modules/snapshots/schedule';
import { setupApp } from '../../support/app';
import { databaseUrl } from '../../support/database';
import { setupPlanWorld } from '../../support/fixtures';
import { ROOT, ServerProcess, sleep } from '../../support/launcher';

// The server starts the scheduler (unless SCHEDULER=off), which catches up the week just ended at
// start, and stops it on shutdown (docs/domain.md#status-over-time).
const t = setupApp();
const w = setupPlanWorld(t);

const weekly = async () =>
  (await t.as(w.lead.token).get(pathTo(ROUTES.snapshots, { planId: w.planId }, { kind: 'weekly' }))).body as Page<SnapshotListItem>;
const launch = (scheduler: 'on' | 'off') =>
  ServerProcess.launch({ entry: path.join(ROOT, 'api/src/main.ts'), databaseUrl: databaseUrl(t.config.database), env: { SCHEDULER: scheduler } });

test('When the server starts with SCHEDULER=off, then it takes no snapshot', async () => {
  const server = await launch('off');
  try {
    await sleep(1_500);
    expect((await weekly()).total).toBe(0);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
}, 90_000);

test('When the server starts, then the week just ended is snapshotted at once, and SIGTERM stops it cleanly', async () => {
  const server = await launch('on');
  try {
    let page = await weekly();
    for (let tries = 0; page.total === 0 && tries < 100; tries += 1) {
      await sleep(100);
      page = await weekly();
    }
    expect(page.items.map((s) => s.weekStart)).toEqual([latestDueWeek(new Date(), parseWeeklyAt(DEFAULT_SNAPSHOT_AT))]);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
}, 90_000);
