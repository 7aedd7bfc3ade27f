export type Reply<T = unknown> = { status: number; headers: Headers; body: T; text: string };

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** Sent as is (CSV, raw bytes); `body` is sent as JSON. */
  raw?: string | Buffer | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
};

export type Account = { email: string; password: string };

/**
 * A small fetch client for a server process (see launcher.ts); `base` is prefixed to every path.
 * A network failure rejects: the caller decides what it means.
 */
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

  /** The body of a call that must answer `status` (any 2xx when not given); throws with the reply otherwise. */
  async expect<T = unknown>(status: number | undefined, method: string, path: string, options: CallOptions = {}): Promise<T> {
    const res = await this.call<T>(method, path, options);
    const ok = status === undefined ? res.status >= 200 && res.status < 300 : res.status === status;
    if (!ok) throw new Error(`${method} ${path}: expected ${status ?? '2xx'}, got ${res.status} ${res.text.slice(0, 500)}`);
    return res.body;
  }

  /** Sign in; `loginPath` is relative to `base`. */
  async login(account: Account, loginPath = '/api/v1/auth/login'): Promise<string> {
    const res = await this.call<{ token: string }>('POST', loginPath, { body: { email: account.email, password: account.password } });
    if (res.status !== 200) throw new Error(`login ${account.email}: ${res.status} ${res.text}`);
    return res.body.token;
  }
}

/** Throws unless the status is the expected one; returns the body. */
export function expectStatus<T>(res: Reply<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 500)}`);
  return res.body;
}
