import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Resolver } from '../../../api/src/modules/webhooks/address-guard';
import { deliver, parseRetryAfter } from '../../../api/src/modules/webhooks/deliver';

// A local receiver on 127.0.0.1; host names reach it through a fake resolver, so nothing leaves the machine.
type Seen = { path: string; host: string | undefined; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
let port: number;
let seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', host: req.headers.host, headers: req.headers, body });
      switch (req.url) {
        case '/ok':
          res.writeHead(204).end();
          return;
        case '/created':
          res.writeHead(201, { 'content-type': 'text/plain' }).end('thanks');
          return;
        case '/fail':
          res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
          return;
        case '/redirect':
          res.writeHead(302, { location: '/ok' }).end();
          return;
        case '/busy':
          res.writeHead(503, { 'retry-after': '120' }).end();
          return;
        case '/slow':
          return; // never answers
        case '/huge': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          const block = 'x'.repeat(16_384);
          for (let i = 0; i < 64; i += 1) res.write(block); // 1 MiB
          res.end();
          return;
        }
        default:
          res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
});

const toLocal: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
const body = JSON.stringify({ type: 'gate.changed', timestamp: '2026-03-02T10:00:00.000Z', data: {} });
const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': '1772445600', 'webhook-signature': 'v1,abc=' };
const send = (path: string, extra: Partial<Parameters<typeof deliver>[0]> = {}) =>
  deliver({ url: `http://receiver.test:${port}${path}`, body, headers, resolver: toLocal, allowPrivate: true, ...extra });

test('When the receiver answers 2xx, then the delivery is ok and the receiver got the body and headers as sent', async () => {
  const result = await send('/created');
  expect(result).toMatchObject({ ok: true, status: 201, error: null, responseSnippet: 'thanks', truncated: false, address: '127.0.0.1' });
  expect(result.durationMs).toBeGreaterThanOrEqual(0);
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ path: '/created', host: `receiver.test:${port}`, body });
  expect(seen[0]!.headers).toMatchObject({ ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
});

test('When the receiver answers 500, then the delivery failed with the status and the reply recorded', async () => {
  await expect(send('/fail')).resolves.toMatchObject({ ok: false, status: 500, error: null, responseSnippet: 'boom' });
});

test('When the receiver asks to retry later, then its Retry-After is reported (seconds or an HTTP date)', async () => {
  await expect(send('/busy')).resolves.toMatchObject({ ok: false, status: 503, retryAfterMs: 120_000 });
  await expect(send('/fail')).resolves.toMatchObject({ retryAfterMs: null });
  const now = new Date('2026-03-02T10:00:00.000Z');
  expect(parseRetryAfter('Mon, 02 Mar 2026 10:05:00 GMT', now)).toBe(300_000);
  expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon', now)).toBeNull();
  expect(parseRetryAfter(undefined, now)).toBeNull();
});

test('When the receiver redirects, then the redirect is not followed and the 3xx is a failure', async () => {
  const result = await send('/redirect');
  expect(result).toMatchObject({ ok: false, status: 302, error: 'redirect not followed (to /ok)' });
  expect(seen.map((s) => s.path)).toEqual(['/redirect']);
});

test('When the receiver does not answer in time, then the attempt stops at the timeout', async () => {
  const result = await send('/slow', { timeoutMs: 200 });
  expect(result).toMatchObject({ ok: false, status: null, error: 'timed out after 200 ms' });
  expect(result.durationMs).toBeGreaterThanOrEqual(190);
  expect(result.durationMs).toBeLessThan(2000);
});

test('When the resolver hangs, then the timeout covers resolving too', async () => {
  const hanging: Resolver = () => new Promise(() => undefined);
  const result = await send('/ok', { resolver: hanging, timeoutMs: 100 });
  expect(result).toMatchObject({ ok: false, status: null });
  expect(result.error).toMatch(/^timed out after 100 ms/);
});

test('When the reply is huge, then only maxResponseBytes of it are read and it is marked truncated', async () => {
  const result = await send('/huge');
  expect(result).toMatchObject({ ok: true, status: 200, truncated: true });
  expect(result.responseSnippet).toHaveLength(65_536);
  const small = await send('/huge', { maxResponseBytes: 10 });
  expect(small).toMatchObject({ ok: true, truncated: true, responseSnippet: 'xxxxxxxxxx' });
});

test('When the host resolves to a private address and private targets are not allowed, then nothing is sent', async () => {
  const toPrivate: Resolver = async () => [{ address: '10.0.0.1', family: 4 }];
  const result = await send('/ok', { resolver: toPrivate, allowPrivate: false });
  expect(result).toMatchObject({ ok: false, status: null, address: null });
  expect(result.error).toContain('target refused: receiver.test resolves to 10.0.0.1 (private)');
  expect(seen).toHaveLength(0);
});

test('When the URL is a loopback literal and private targets are not allowed, then nothing is sent', async () => {
  const result = await deliver({ url: `http://127.0.0.1:${port}/ok`, body, headers });
  expect(result).toMatchObject({ ok: false, status: null });
  expect(seen).toHaveLength(0);
});

test('When the name re-resolves elsewhere after the check (rebinding), then the checked address is the one connected', async () => {
  // First answer: the receiver; any later lookup would point at an address nobody listens on.
  const rebinding = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>()
    .mockResolvedValueOnce([{ address: '127.0.0.1', family: 4 }])
    .mockResolvedValue([{ address: '10.255.255.1', family: 4 }]);
  const result = await send('/ok', { resolver: rebinding });
  expect(result).toMatchObject({ ok: true, status: 204, address: '127.0.0.1' });
  expect(rebinding).toHaveBeenCalledTimes(1);
  expect(seen).toHaveLength(1);

  // The next attempt checks again and is refused before connecting.
  const next = await send('/ok', { resolver: rebinding, allowPrivate: false });
  expect(next).toMatchObject({ ok: false, status: null });
  expect(next.error).toContain('10.255.255.1 (private)');
  expect(seen).toHaveLength(1);
});

test('When nothing listens on the port, then the connection error is recorded', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const result = await deliver({ url: `http://receiver.test:${closedPort}/`, body, headers, resolver: toLocal, allowPrivate: true });
  expect(result).toMatchObject({ ok: false, status: null });
  expect(result.error).toMatch(/ECONNREFUSED/);
});

test('When a header value is invalid, then the attempt fails without throwing and nothing is sent', async () => {
  const result = await send('/ok', { headers: { ...headers, 'webhook-id': 'msg_1\r\nx-injected: 1' } });
  expect(result).toMatchObject({ ok: false, status: null });
  expect(result.error).toMatch(/header/i);
  expect(seen).toHaveLength(0);
});

test('When the URL is not a URL or not http(s), then the attempt fails without throwing', async () => {
  await expect(deliver({ url: 'nope', body, headers })).resolves.toMatchObject({ ok: false, status: null, error: 'target refused: not a URL' });
  await expect(deliver({ url: 'gopher://x/', body, headers })).resolves.toMatchObject({ ok: false, error: 'target refused: gopher: is not http or https' });
});

describe('https', () => {
  // A throwaway self-signed certificate for receiver.test, made for this run (no key is committed).
  let dir: string;
  let tlsServer: https.Server;
  let tlsPort: number;
  const serverNames: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
      '-subj', '/CN=receiver.test', '-addext', 'subjectAltName=DNS:receiver.test',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const context = tls.createSecureContext({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) });
    // SNICallback sees the name the client sent, even when the client then rejects the certificate.
    const SNICallback = (name: string, done: (error: Error | null, ctx?: tls.SecureContext) => void) => {
      serverNames.push(name);
      done(null, context);
    };
    tlsServer = https.createServer({ SNICallback }, (_req, res) => res.writeHead(204).end());
    tlsServer.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    tlsPort = (tlsServer.address() as AddressInfo).port;
  });

  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('When the target is https and pinned to the checked address, then the host name is sent as SNI and the certificate is verified', async () => {
    const result = await deliver({ url: `https://receiver.test:${tlsPort}/`, body, headers, resolver: toLocal, allowPrivate: true });
    // The certificate is self-signed: verification runs (and refuses it) although the connection went to 127.0.0.1.
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.error).toMatch(/self[- ]signed/i);
    expect(serverNames).toEqual(['receiver.test']);
  });
});
