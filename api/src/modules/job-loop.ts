import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Db, Tx } from '../db/data-source';
import type { Deps } from './deps';

export type JobLoopOptions = {
  /** One pass at the clock's time; an error is logged with `failure` and the next poll tries again. */
  pass: (now: Date) => Promise<unknown>;
  /** How long to sleep after a pass: a number, or a promise of one (which must not reject). */
  wait: () => number | Promise<number>;
  /** A kick on `signal`'s `event` runs a pass at once instead of at the next poll. */
  signal: EventEmitter;
  event: string;
  failure: string;
};

/**
 * The start/stop/kick loop of a background worker (the webhook dispatcher, the digest sender; see
 * docs/domain.md#webhooks): passes never overlap within a process (a kick during one runs another
 * after it), and between passes a timer sleeps for `wait()`. `stop()` waits for the pass in flight.
 */
export class JobLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  private readonly onKick = () => this.kick();

  constructor(
    private readonly deps: Pick<Deps, 'clock' | 'logger'>,
    private readonly options: JobLoopOptions,
  ) {}

  get isStarted(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.options.signal.on(this.options.event, this.onKick);
    this.kick();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.options.signal.off(this.options.event, this.onKick);
    clearTimeout(this.timer);
    await this.running;
  }

  /** Run a pass soon. */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.options.pass(this.deps.clock.now());
        } catch (error) {
          this.deps.logger.warn({ err: error }, this.options.failure);
        }
      } while (this.again && this.started);
    })().finally(() => {
      this.running = undefined;
      if (!this.started) return;
      const wait = this.options.wait();
      if (typeof wait === 'number') this.arm(wait);
      else void wait.then((ms) => this.arm(ms));
    });
  }

  private arm(ms: number): void {
    if (!this.started) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), ms);
    this.timer.unref();
  }
}

export type ClaimQueries = {
  dueIds: (db: Db, m: Tx, now: string, limit: number) => Promise<string[]>;
  claim: (m: Tx, id: string, token: string, now: string, until: string) => Promise<boolean>;
};

/** Claim up to `batch` due rows for `claimMs` in one transaction: [id, claim token] of each won. */
export function claimDue(db: Db, q: ClaimQueries, now: Date, batch: number, claimMs: number): Promise<Array<[string, string]>> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + claimMs).toISOString();
  return db.write(async (m) => {
    const won: Array<[string, string]> = [];
    for (const id of await q.dueIds(db, m, at, batch)) {
      const token = randomUUID();
      if (await q.claim(m, id, token, at, until)) won.push([id, token]);
    }
    return won;
  });
}
