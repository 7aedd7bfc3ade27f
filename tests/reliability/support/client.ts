import { ADMIN } from './server';

export type Reply<T = unknown> = { status: number; headers: Headers; body: T; text: string };

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** Sent as is (CSV, raw bytes); `body` is sent as JSON. */
  raw?: string | Buffer | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
};

/** A small fetch client for a real server; a network failure rejects (the caller decides what it means). */
export class Client {
  constructor(readonly base: string) {}

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: RequestInit['body'];
    if (options.raw !== undefined) {
      body = options.raw as RequestInit['body'];
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
    if (options.raw instanceof ReadableStream) init.duplex = 'half';
    const res = await fetch(`${this.base}${path}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    if (/json/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  async login(email = ADMIN.email, password = ADMIN.password): Promise<string> {
    const res = await this.call<{ token: string }>('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
    return res.body.token;
  }
}

/** Throws unless the status is the expected one; returns the body. */
export function expectStatus<T>(res: Reply<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 500)}`);
  return res.body;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its printed seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type Rng = ReturnType<typeof rng>;

/** Seed from REL_SEED when replaying, else a fresh one; printed so a failure can be replayed. */
export function seedFromEnv(suite: string): number {
  const seed = process.env.REL_SEED ? Number(process.env.REL_SEED) : Math.floor(Math.random() * 2 ** 31);
  console.log(`${suite}: seed ${seed} (replay with REL_SEED=${seed})`);
  return seed;
}
