import { Client } from 'pg';

/** The channel a write's new cache generation is announced on: `<scope> <generation>`. */
export const CACHE_CHANNEL = 'handover_cache';
/** How the listener's connection is named in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'handover-cache-listener';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

export type ListenerEvents = {
  /** LISTEN is in place: from now on every committed generation is heard. */
  up: () => void;
  /** The connection is gone: writes may go unheard until `up` again. */
  down: () => void;
  heard: (scope: string, generation: number) => void;
};

/**
 * One connection per process that LISTENs on CACHE_CHANNEL (docs/performance.md#caches-across-processes).
 * It frees cached values early; correctness rests on the generation each read checks, and while
 * this connection is down the shared caches are off. It reconnects by itself, waiting longer each
 * time up to five seconds.
 */
export class CacheListener {
  private client: Client | null = null;
  private retryMs = RETRY_MIN_MS;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly events: ListenerEvents,
  ) {}

  /** Connect now; resolves once listening, or once the first attempt failed (a retry is scheduled). */
  start(): Promise<void> {
    return this.connect();
  }

  get listening(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.url, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.lost(client);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      const [scope, generation] = (message.payload ?? '').split(' ');
      const n = Number(generation);
      if (message.channel === CACHE_CHANNEL && scope && Number.isSafeInteger(n)) this.events.heard(scope, n);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (lost) return;
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    this.events.up();
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = null;
    this.events.down();
    client.end().catch(() => undefined);
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.events.down();
    await client?.end().catch(() => undefined);
  }
}
