import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { setupApp } from '../support/app';
import { createMilestone, csvOf, importPosts, planWorld } from '../support/fixtures';

// What the server sends over the wire: precompressed dashboard assets, compressed API answers, and
// cache headers that let browsers keep hashed files for good (README, Performance).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-static-'));
const script = `console.log(${JSON.stringify('handover '.repeat(4000))});\n`;
fs.mkdirSync(path.join(dir, 'assets'));
fs.writeFileSync(path.join(dir, 'assets/app-3f2a1b.js'), script);
fs.writeFileSync(path.join(dir, 'assets/app-3f2a1b.js.br'), zlib.brotliCompressSync(script));
fs.writeFileSync(path.join(dir, 'assets/app-3f2a1b.js.gz'), zlib.gzipSync(script));
fs.writeFileSync(path.join(dir, 'assets/logo-9c8d7e.png'), Buffer.alloc(4096, 7));
fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}<script type="module" src="/assets/app-3f2a1b.js"></script></body></html>`);
fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const t = setupApp({ env: { DASHBOARD_DIR: dir } });
// Supertest decodes gzip and brotli bodies itself: these requests go over a socket and keep the
// bytes exactly as sent.
let server: http.Server;
beforeAll(async () => {
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
function raw(urlPath: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('dashboard assets', () => {
  test('When a browser accepts brotli, then a hashed script is the prebuilt .br, cached for a year and immutable', async () => {
    const res = await raw('/assets/app-3f2a1b.js', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
    expect((res.body).length).toBeLessThan(script.length / 10);
  });

  test('When only gzip is accepted, then the .gz is sent; with no encoding, the plain file', async () => {
    const gz = await raw('/assets/app-3f2a1b.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    const plain = await raw('/assets/app-3f2a1b.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body).toString()).toBe(script);
  });

  test('When an image is asked for, then it is not compressed again', async () => {
    const res = await raw('/assets/logo-9c8d7e.png', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  test('When a page is opened, then index.html is revalidated every time and compressed; other top-level files for an hour', async () => {
    const page = await raw('/plans/x/milestones', { 'Accept-Encoding': 'br' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.body).toString()).toContain('<div id="root">');
    const icon = await request(t.app).get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('API answers', () => {
  test('When a JSON answer is above 1 KB, then it is compressed as the client accepts; a small one is not', async () => {
    const w = await planWorld(t);
    for (let i = 0; i < 12; i++) await createMilestone(t, w.lead.token, w.planId, { title: `Milestone number ${i} with a long enough title` });
    const url = `/api/v1/plans/${w.planId}/milestones`;
    const br = await raw(url, { 'Accept-Encoding': 'br', Authorization: `Bearer ${w.lead.token}` });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString()).total).toBe(12);
    const gz = await raw(url, { 'Accept-Encoding': 'gzip', Authorization: `Bearer ${w.lead.token}` });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const small = await raw('/api/v1/health', { 'Accept-Encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse((small.body).toString())).toEqual({ status: 'ok' });
    const plain = await raw(url, { Authorization: `Bearer ${w.lead.token}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(plain.body.toString()).total).toBe(12);
  });

  test('When the posts export is compressed, then it still arrives whole and in order', async () => {
    const w = await planWorld(t);
    const rows = Array.from({ length: 3000 }, (_, i) => `linkedin,2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,agency,e${i},Someone`);
    await importPosts(t, w.lead.token, w.planId, csvOf(rows)).expect(200);
    const res = await raw(`/api/v1/plans/${w.planId}/posts/export`, { 'Accept-Encoding': 'gzip', Authorization: `Bearer ${w.lead.token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const lines = zlib.gunzipSync(res.body).toString().trim().split(/\r?\n/);
    expect(lines).toHaveLength(3001);
  });
});
