import fs from 'node:fs';
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export type HttpResult = { status: number; body: string; ms: number };

/** One request; the body is JSON, a file streamed from disk, or nothing. */
export function request(
  base: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; file?: string; contentType?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    if (options.file) {
      headers['Content-Type'] = options.contentType ?? 'text/csv';
      headers['Content-Length'] = fs.statSync(options.file).size;
    }
    const started = process.hrtime.bigint();
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.file) {
      fs.createReadStream(options.file, { highWaterMark: 1 << 20 }).pipe(req);
    } else {
      req.end(payload);
    }
  });
}

/** A request that must succeed; returns the parsed JSON body. */
export async function ok<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: Parameters<typeof request>[3] = {},
): Promise<T> {
  const res = await request(base, method, path, options);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} -> ${res.status}: ${res.body.slice(0, 500)}`);
  return (res.body ? JSON.parse(res.body) : undefined) as T;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Sequential GETs: the latencies in ms, sorted. */
export async function latencies(base: string, path: string, token: string, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(base, 'GET', path, { token });
    if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status}: ${res.body.slice(0, 300)}`);
    out.push(res.ms);
  }
  return out.sort((a, b) => a - b);
}
