import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, type TestApp } from '../support/app';
import { planWorld, type PlanWorld } from '../support/fixtures';

/**
 * The export is an async iterable the edge writes with stream.pipeline: when the client goes away
 * mid-export, the iteration ends (its finally runs) and nothing is left waiting for a 'drain' that
 * never comes, holding a page of rows.
 */

let t: TestApp;
let w: PlanWorld;
let server: http.Server;
let port: number;
const ROWS = 100_000;

beforeAll(async () => {
  t = await startApp();
  w = await planWorld(t);
  let csv = 'channel,published_at,source,external_id,author\n';
  for (let i = 0; i < ROWS; i++) {
    csv += `linkedin,2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,agency,export-${i},Someone with a long enough name\n`;
  }
  const imported = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/posts/import`).set('Content-Type', 'text/csv').send(csv);
  expect(imported.body).toMatchObject({ inserted: ROWS });
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t.close();
});

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('When the client disconnects in the middle of an export, then the export ends, frees what it held and the database is free', async () => {
  const firstChunk = new Promise<http.ClientRequest>((resolve, reject) => {
    const req = http.get(
      { port, host: '127.0.0.1', path: `/api/v1/plans/${w.planId}/posts/export`, headers: { Authorization: `Bearer ${w.lead.token}` } },
      (res) => {
        expect(res.statusCode).toBe(200);
        // Take one chunk, then stop reading: the server fills the socket and waits.
        res.once('data', () => {
          res.pause();
          resolve(req);
        });
      },
    );
    req.on('error', reject);
  });
  const req = await firstChunk;
  // Still exporting: held back by the client that stopped reading, not finished.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(t.services.posts.openExports).toBe(1);

  req.destroy();
  await until('the export iteration has ended', () => t.services.posts.openExports === 0);

  // Nothing holds the database: a read and a write go through at once.
  const started = Date.now();
  await t.db.read((m) => m.query('SELECT 1'));
  const res = await t.as(w.lead.token).post(`/api/v1/plans/${w.planId}/people`).send({ name: 'After the export' });
  expect(res.status).toBe(201);
  expect(Date.now() - started).toBeLessThan(2_000);
}, 60_000);

test('When the client reads the export to the end, then every row arrives and the export has ended', async () => {
  const res = await t.as(w.executive.token).get(`/api/v1/plans/${w.planId}/posts/export`).buffer(true).parse((r, done) => {
    let lines = 0;
    r.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    r.on('end', () => done(null, lines));
  });
  expect(res.status).toBe(200);
  expect(res.body).toBe(ROWS + 1);
  expect(t.services.posts.openExports).toBe(0);
}, 60_000);
