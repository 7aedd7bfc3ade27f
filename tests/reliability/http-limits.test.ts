import net from 'node:net';
import { PROBLEM_BASE } from '@handover/shared';
import { dialect, freshStore, startServer, type ServerProcess, type Store } from './support/server';

/**
 * What the real process answers to requests Node's HTTP parser refuses before the app sees them:
 * still problem+json (api/src/http/client-errors.ts), never a bare status line.
 */

let store: Store;
let server: ServerProcess;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
});
afterAll(async () => {
  await server.stop();
  await store.drop();
});

/** Write raw bytes, read until the server closes; status, headers and body of the answer. */
function raw(bytes: Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.end(bytes);
  });
}

const expectProblemText = (res: { status: number; headers: string; body: string }, status: number, slug: string) => {
  expect(res.status).toBe(status);
  expect(res.headers).toMatch(/content-type: application\/problem\+json/i);
  expect(JSON.parse(res.body)).toMatchObject({ type: `${PROBLEM_BASE}${slug}`, title: expect.any(String), status });
};

test(`When the request line and headers pass 16 KB, then the server answers 431 as problem+json (${dialect})`, async () => {
  const res = await raw(Buffer.from(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
  expectProblemText(res, 431, 'header-fields-too-large');
});

test(`When a HEAD request's line and headers pass 16 KB, then 431 with the problem's headers and no body, also after an answered request on the same connection (${dialect})`, async () => {
  const head = await raw(Buffer.from(`HEAD /api/v1/health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
  expect(head.status).toBe(431);
  expect(head.headers).toMatch(/content-type: application\/problem\+json/i);
  expect(head.body).toBe('');
  // A kept-alive connection: a GET answered in full, then an oversized HEAD on the same socket.
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let seen = '';
    socket.on('data', (c: Buffer) => {
      const first = !seen.includes('"ok"');
      seen += c.toString('utf8');
      if (first && seen.includes('"ok"')) socket.end(`HEAD /api/v1/health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(seen));
    socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
  });
  expect(text).toMatch(/^HTTP\/1\.1 200 /);
  expect(text).toMatch(/"ok"}HTTP\/1\.1 431 /);
  expect(text.endsWith('Connection: close\r\n\r\n')).toBe(true);
});

test(`When the request line is not HTTP, or the URL holds raw bytes that are not allowed, then 400 as problem+json (${dialect})`, async () => {
  expectProblemText(await raw(Buffer.from('GET /api/v1/health with spaces HTTP/1.1\r\nHost: x\r\n\r\n')), 400, 'bad-request');
  expectProblemText(
    await raw(Buffer.concat([Buffer.from('GET /api/v1/'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')])),
    400,
    'bad-request',
  );
  expectProblemText(await raw(Buffer.from('NOT-A-METHOD\r\n\r\n')), 400, 'bad-request');
});

test(`When a header value holds a control character, then 400 as problem+json and the server keeps serving (${dialect})`, async () => {
  expectProblemText(await raw(Buffer.from('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n')), 400, 'bad-request');
  const health = await fetch(`${server.url}/api/v1/health`);
  expect(health.status).toBe(200);
});
