import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, expectStatus } from '../support/client';
import { createPlan } from '../support/fixtures';
import { expectRollupsMatch, integrity, openForChecks } from './support/db-check';
import { ADMIN, ROOT, dialect, sleep, setupStore, startServer, type ServerProcess } from './support/server';

/** `npm run backup` while the server takes writes, then `npm run restore`, proven by the acknowledged-writes log. */

const store = setupStore();
let server: ServerProcess | undefined;

function npmRun(script: string, file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: store.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function storedExternalIds(planId: string): Promise<Set<string>> {
  const db = await openForChecks(store.config);
  try {
    expect(await integrity(db)).toBe('ok');
    await expectRollupsMatch(db, planId);
    const rows: Array<{ external_id: string }> = await db.read((m) =>
      m.query(`SELECT external_id FROM posts WHERE plan_id = ${db.param(1)}`, [planId]),
    );
    return new Set(rows.map((r) => r.external_id));
  } finally {
    await db.close();
  }
}

test(`When a backup is taken during a stream of writes and restored, then the restored database is intact and holds every write acknowledged before the backup began (${dialect})`, async () => {
  server = await startServer(store);
  const api = new Client(server.url);
  const token = await api.login(ADMIN);
  const plan = await createPlan(api, token, { name: 'Backup' });
  const posts = `/api/v1/plans/${plan.id}/posts`;
  // Enough data that the copy takes a while, so writes land while it runs.
  let csv = 'channel,published_at,source,external_id,author\n';
  for (let i = 0; i < 60_000; i++) csv += `x,2026-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,agency,seed-${i},Seeder\n`;
  expectStatus(await api.call('POST', `${posts}/import`, { token, raw: csv, headers: { 'Content-Type': 'text/csv' } }), 200, 'seed');

  const acked: Array<{ externalId: string; at: number }> = [];
  let stop = false;
  let seq = 0;
  let clock = 0; // a logical clock: each acknowledgement gets the next tick
  const writer = async () => {
    while (!stop) {
      const externalId = `w-${++seq}`;
      const res = await api.call('POST', posts, {
        token,
        body: { channel: 'linkedin', publishedAt: '2026-03-02T10:00:00Z', source: 'in_house', externalId },
      });
      expectStatus(res, 201, 'write');
      acked.push({ externalId, at: ++clock });
    }
  };
  const writers = [writer(), writer(), writer()];
  while (acked.length < 30) await sleep(10);

  const file = path.join(store.dir, 'backups', 'handover.backup');
  const began = ++clock;
  const backup = await npmRun('backup', file);
  const ended = ++clock;
  while (acked.filter((a) => a.at > ended).length < 30) await sleep(10);
  stop = true;
  await Promise.all(writers);
  expect(backup).toMatchObject({ code: 0 });
  expect(fs.existsSync(file)).toBe(true);
  const duringBackup = acked.filter((a) => a.at > began && a.at < ended).length;

  // The server holds the database: a restore is refused and changes nothing.
  const refused = await npmRun('restore', file);
  expect(refused.code).not.toBe(0);
  expect(refused.output).toMatch(/in use: stop the server/);
  expectStatus(await api.call('GET', `${posts}?limit=1`, { token }), 200, 'still serving');

  expect((await server.stop()).code).toBe(0);
  const restored = await npmRun('restore', file);
  expect(restored).toMatchObject({ code: 0 });

  const ids = await storedExternalIds(plan.id);
  const missing = acked.filter((a) => a.at < began && !ids.has(a.externalId)).map((a) => a.externalId);
  expect(missing).toEqual([]);
  // A snapshot: nothing acknowledged after the backup finished is in it.
  const later = acked.filter((a) => a.at > ended && ids.has(a.externalId)).map((a) => a.externalId);
  expect(later).toEqual([]);
  for (let i = 0; i < 60_000; i += 997) expect(ids.has(`seed-${i}`)).toBe(true);

  // The restored database serves again.
  server = await startServer(store);
  const after = new Client(server.url);
  const token2 = await after.login(ADMIN);
  const page = expectStatus(await after.call<{ total: number }>('GET', `${posts}?limit=1`, { token: token2 }), 200, 'read back');
  expect(page.total).toBe(ids.size);
  console.log(
    `backup (${dialect}): ${acked.filter((a) => a.at < began).length} writes acknowledged before the backup, ` +
      `${duringBackup} during it, ${ids.size} posts restored, integrity ok`,
  );
  expect((await server.stop()).code).toBe(0);
});
