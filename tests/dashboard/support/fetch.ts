/** A stand-in for fetch: answers are queued per "METHOD path" and every call is recorded. */
export type Reply = { status: number; body?: unknown; contentType?: string };
export type Call = { method: string; url: string; headers: Record<string, string>; body: unknown };

export function mockFetch(routes: Record<string, Reply | Reply[] | ((call: Call) => Reply)>) {
  const calls: Call[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  const fn = jest.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = typeof init.body === 'string' && headers['Content-Type'] === 'application/json' ? JSON.parse(init.body) : init.body;
    const call = { method, url, headers, body };
    calls.push(call);
    const path = url.replace(/^\/api\/v1/, '').split('?')[0];
    const route = queues.get(`${method} ${path}`);
    let reply: Reply | undefined;
    if (typeof route === 'function') reply = route(call);
    else if (Array.isArray(route)) reply = route.length > 1 ? route.shift() : route[0];
    else reply = route;
    if (!reply) throw new Error(`unexpected ${method} ${url}`);
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    return {
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      statusText: '',
      headers: { get: () => reply!.contentType ?? 'application/json' },
      text: async () => text,
      json: async () => JSON.parse(text),
    } as unknown as Response;
  });
  (globalThis as { fetch: unknown }).fetch = fn;
  return { fn, calls };
}

export const problem = (status: number, type: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { type: `https://handover.dev/problems/${type}`, title: type, status, ...extra },
  contentType: 'application/problem+json',
});
