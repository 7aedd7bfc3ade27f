import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a receiver got. */
export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

/**
 * A local HTTP receiver for webhook tests, on 127.0.0.1 and a free port. Each path answers the
 * statuses queued for it with `failNext`, in order, then 204; `hold` makes a path never answer.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly queued = new Map<string, number[]>();
  private readonly held = new Set<string>();
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => receiver.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next answers of `path`, in order (e.g. [500, 503]); 204 after them. */
  failNext(path: string, statuses: number[]): void {
    this.queued.set(path, [...(this.queued.get(path) ?? []), ...statuses]);
  }

  /** Forget the answers still queued for `path`: 204 from now on. */
  recover(path: string): void {
    this.queued.delete(path);
  }

  hold(path: string, on = true): void {
    if (on) this.held.add(path);
    else this.held.delete(path);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves once `path` has received `count` requests (fails after `timeoutMs`). */
  async waitFor(path: string, count: number, timeoutMs = 20_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.at(path).length < count) {
      if (Date.now() > deadline) throw new Error(`${path} received ${this.at(path).length} of ${count} requests in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.at(path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '';
      this.received.push({ path, headers: req.headers, body, at: Date.now() });
      for (const wake of this.waiters.splice(0)) wake();
      if (this.held.has(path)) return; // never answers
      const status = this.queued.get(path)?.shift() ?? 204;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? `status ${status}` : '');
    });
  }
}
