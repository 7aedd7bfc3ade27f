import fs from 'node:fs';
import net from 'node:net';
import type { ImportResult } from '@handover/shared';
import { Client, expectStatus } from '../support/client';
import { createPlan } from '../support/fixtures';
import { integrity, openForChecks, scalar } from './support/db-check';
import { ADMIN, dialect, freshStore, sleep, startServer, type ServerProcess, type Store } from './support/server';

/** Graceful shutdown of the real process on SIGTERM: in-flight work completes, new work is refused, the DB closes cleanly. */

let store: Store;
let server: ServerProcess | undefined;

beforeEach(async () => {
  store = await freshStore();
  server = await startServer(store, { env: { LOG_LEVEL: 'info' } });
});
afterEach(async () => {
  await server?.kill();
  await store.drop();
});

const csvRows = (prefix: string, from: number, to: number) => {
  let out = '';
  for (let i = from; i < to; i++) out += `linkedin,2026-03-02T10:00:00Z,in_house,${prefix}-${i},\n`;
  return out;
};

async function newPlan(api: Client, token: string): Promise<string> {
  const plan = await createPlan(api, token, { name: 'Shutdown' });
  return plan.id;
}

/** True once a fresh TCP connection to the port is refused. */
async function refusesConnections(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return true;
    await sleep(50);
  }
  return false;
}

/** Checks after the process exited: SQLite's WAL was checkpointed away and the file is intact; PostgreSQL has no session left. */
async function expectClosedCleanly(store: Store, planId: string, posts: number): Promise<void> {
  if (store.config.dialect === 'sqlite') {
    const wal = `${store.config.path}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
  }
  const db = await openForChecks(store.config);
  try {
    expect(await integrity(db)).toBe('ok');
    expect(await scalar(db, `SELECT COUNT(*) FROM posts WHERE plan_id = ${db.param(1)}`, [planId])).toBe(posts);
    if (db.dialect === 'postgres') {
      const others = await scalar(
        db,
        'SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      expect(others).toBe(0);
    }
  } finally {
    await db.close();
  }
}

test(`When SIGTERM arrives while a slow CSV import is uploading, then the import completes with 200, new connections are refused, and the database closes cleanly (${dialect})`, async () => {
  const api = new Client(server!.url);
  const token = await api.login(ADMIN);
  const planId = await newPlan(api, token);
  const ROWS = 3000;
  const encoder = new TextEncoder();
  let signalled!: () => void;
  const afterSignal = new Promise<void>((resolve) => (signalled = resolve));
  // The body arrives in three parts; SIGTERM is sent between the first and the rest.
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`channel,published_at,source,external_id,author\n${csvRows('slow', 0, 1000)}`));
      await afterSignal;
      controller.enqueue(encoder.encode(csvRows('slow', 1000, 2000)));
      await sleep(300);
      controller.enqueue(encoder.encode(csvRows('slow', 2000, ROWS)));
      controller.close();
    },
  });
  const upload = api.call<ImportResult>('POST', `/api/v1/plans/${planId}/posts/import`, {
    token,
    raw: body,
    headers: { 'Content-Type': 'text/csv' },
  });
  await sleep(500); // the request is being read by the server
  server!.signal('SIGTERM');
  expect(await refusesConnections(server!.port)).toBe(true);
  signalled();

  const res = await upload;
  expect(res.status).toBe(200);
  expect(res.body.inserted).toBe(ROWS);
  expect(await server!.exited).toEqual({ code: 0, signal: null });
  expect(server!.output()).toContain('"msg":"stopped"');
  await expectClosedCleanly(store, planId, ROWS);
});

test(`When SIGTERM arrives while a large CSV export is being read slowly, then the whole export arrives with 200 and the process exits cleanly (${dialect})`, async () => {
  const api = new Client(server!.url);
  const token = await api.login(ADMIN);
  const planId = await newPlan(api, token);
  const ROWS = 40_000;
  expectStatus(
    await api.call('POST', `/api/v1/plans/${planId}/posts/import`, {
      token,
      raw: `channel,published_at,source,external_id,author\n${csvRows('exp', 0, ROWS)}`,
      headers: { 'Content-Type': 'text/csv' },
    }),
    200,
    'import',
  );

  const res = await fetch(`${server!.url}/api/v1/plans/${planId}/posts/export`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const first = await reader.read();
  let text = decoder.decode(first.value, { stream: true });
  server!.signal('SIGTERM');
  expect(await refusesConnections(server!.port)).toBe(true);
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    await sleep(1); // a slow reader: the server waits on backpressure
  }
  const lines = text.split(/\r?\n/).filter(Boolean);
  expect(lines[0]).toBe('channel,published_at,source,external_id,author');
  expect(lines).toHaveLength(ROWS + 1);
  expect(await server!.exited).toEqual({ code: 0, signal: null });
  await expectClosedCleanly(store, planId, ROWS);
});
