import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type AddressClass, type Resolver, checkTarget } from './address-guard';

export type DeliverInput = {
  url: string;
  body: string;
  headers: Record<string, string>;
  resolver?: Resolver;
  allowPrivate?: boolean;
  /** For the whole attempt: resolving, connecting, sending and reading the reply. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** The clock that reads a `Retry-After` date (the app's clock; the real one by default). */
  now?: () => Date;
};

export type DeliveryResult = {
  /** A 2xx answer (Standard Webhooks: anything else, redirects included, is a failure). */
  ok: boolean;
  status: number | null;
  /** Why there is no usable answer (refused target, connection error, timeout, redirect); null otherwise. */
  error: string | null;
  durationMs: number;
  /** The start of the reply as text, at most maxResponseBytes bytes of it. */
  responseSnippet: string;
  /** More reply followed what was read; the rest was not read. */
  truncated: boolean;
  /** The address connected to (one of the checked ones), null when no connection was made. */
  address: string | null;
  /** How long the receiver asked to be left alone (`Retry-After`, seconds or a date), null when it did not. */
  retryAfterMs: number | null;
};

const USER_AGENT = 'Handover-Webhooks/1';

/**
 * The connection's only "DNS": answers with the addresses the guard checked, so a name that
 * re-resolves elsewhere between the check and the connection (DNS rebinding) cannot redirect it.
 * The URL keeps its host name, so TLS still sends it as SNI and checks the certificate against it.
 */
function pinnedLookup(addresses: readonly AddressClass[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
    const candidates = family === 0 ? addresses : addresses.filter((a) => a.family === family);
    const first = candidates[0];
    if (!first) {
      callback(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      callback(null, candidates.map((a) => ({ address: a.address, family: a.family })));
    } else {
      callback(null, first.address, first.family);
    }
  };
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

/**
 * One delivery attempt. Checks the target (again: DNS may have changed since the webhook was
 * saved), connects to a checked address, follows no redirect, stops at the timeout or after
 * maxResponseBytes of reply. Never throws: every failure is in the result.
 */
export async function deliver(input: DeliverInput): Promise<DeliveryResult> {
  const timeoutMs = input.timeoutMs ?? 10_000;
  const maxResponseBytes = input.maxResponseBytes ?? 65_536;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (error: string): DeliveryResult => ({
    ok: false,
    status: null,
    error,
    durationMs: elapsed(),
    responseSnippet: '',
    truncated: false,
    address: null,
    retryAfterMs: null,
  });

  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const target = await Promise.race([checkTarget(input.url, input), timeout]);
    if (target === null) return failure(`timed out after ${timeoutMs} ms (resolving the host)`);
    if (!target.ok) return failure(`target refused: ${target.message}`);
    clearTimeout(timer);
    return await send(target.url, target.addresses, input, Math.max(1, timeoutMs - elapsed()), { timeoutMs, maxResponseBytes, elapsed });
  } catch (error) {
    return failure(describe(error));
  } finally {
    clearTimeout(timer);
  }
}

function send(
  url: URL,
  addresses: readonly AddressClass[],
  input: DeliverInput,
  remainingMs: number,
  limits: { timeoutMs: number; maxResponseBytes: number; elapsed: () => number },
): Promise<DeliveryResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    let status: number | null = null;
    let redirect: string | null = null;
    let retryAfterMs: number | null = null;
    let address: string | null = null;
    let response: http.IncomingMessage | undefined;
    let request: http.ClientRequest | undefined;
    let settled = false;

    const settle = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Whatever is left of the reply is not read: the socket goes (no keep-alive agent to return it to).
      response?.destroy();
      request?.destroy();
      const redirected = status !== null && status >= 300 && status < 400;
      resolve({
        ok: status !== null && status >= 200 && status < 300,
        status,
        error: error ?? (redirected ? `redirect not followed${redirect ? ` (to ${redirect.slice(0, 200)})` : ''}` : null),
        durationMs: limits.elapsed(),
        responseSnippet: Buffer.concat(chunks).toString('utf8'),
        truncated,
        address,
        retryAfterMs,
      });
    };
    const timer = setTimeout(() => settle(`timed out after ${limits.timeoutMs} ms`), remainingMs);

    const client = url.protocol === 'https:' ? https : http;
    try {
      request = client.request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          ...input.headers,
          'content-length': String(Buffer.byteLength(input.body)),
        },
        // A fresh connection per attempt: a pooled one may have been opened to an address checked earlier.
        agent: false,
        lookup: pinnedLookup(addresses),
      });
    } catch (error) {
      // E.g. a header value with a line break: refused before anything is sent.
      settle(describe(error));
      return;
    }
    request.on('socket', (socket) => socket.once('connect', () => (address = socket.remoteAddress ?? null)));
    request.on('response', (res) => {
      response = res;
      status = res.statusCode ?? null;
      redirect = typeof res.headers.location === 'string' ? res.headers.location : null;
      retryAfterMs = parseRetryAfter(res.headers['retry-after'], (input.now ?? (() => new Date()))());
      address = res.socket.remoteAddress ?? address;
      res.on('data', (chunk: Buffer) => {
        const room = limits.maxResponseBytes - bytes;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          bytes += room;
          truncated = true;
          settle(null);
          return;
        }
        chunks.push(chunk);
        bytes += chunk.length;
      });
      res.on('end', () => settle(null));
      res.on('error', (error) => settle(describe(error)));
    });
    request.on('error', (error) => settle(describe(error)));
    request.end(input.body);
  });
}
