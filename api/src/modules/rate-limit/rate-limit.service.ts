import { tooManyRequests } from '../../core/app-error';
import { countOne, deleteCounter, fullCounters, type Counter } from '../../db/repositories/rate-limit.repository';
import type { Deps } from '../deps';

export type Limit = Counter;
export type Policy = { max: number; windowMs: number };

/** Failed sign-ins: ten per account and, separately, ten per client address in fifteen minutes. */
export const LOGIN_POLICY: Policy = { max: 10, windowMs: 15 * 60_000 };

/**
 * Counters in the database, so several API processes on one PostgreSQL database share them.
 * Each counter's window opens at its first failure and lasts `windowMs`; a failure after that
 * opens a new window. Counting is one atomic upsert, so concurrent failures are never lost.
 */
export class RateLimiter {
  constructor(
    private readonly deps: Deps,
    private readonly policy: Policy,
  ) {}

  /** 429 with Retry-After while any of the counters has reached the limit in its window. */
  async assertAllowed(limits: Limit[], detail: string): Promise<void> {
    const db = this.deps.db;
    const now = this.deps.clock.now().getTime();
    const cutoff = new Date(now - this.policy.windowMs).toISOString();
    const starts = await db.read((m) => fullCounters(db, m, limits, cutoff, this.policy.max));
    if (!starts.length) return;
    const reopens = Math.max(...starts.map((s) => new Date(s).getTime() + this.policy.windowMs));
    throw tooManyRequests(Math.max(1, Math.ceil((reopens - now) / 1000)), detail);
  }

  /** Count one failure against every counter, atomically. */
  async recordFailure(limits: Limit[]): Promise<void> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const cutoff = new Date(now.getTime() - this.policy.windowMs).toISOString();
    await db.write(async (m) => {
      // A fixed order, so two processes counting the same pair lock rows in the same order.
      for (const l of sorted(limits)) await countOne(db, m, l, now.toISOString(), cutoff);
    });
  }

  /** Forget these counters (and only these). */
  async reset(limits: Limit[]): Promise<void> {
    const db = this.deps.db;
    await db.write(async (m) => {
      for (const l of sorted(limits)) await deleteCounter(db, m, l);
    });
  }
}

const sorted = (limits: Limit[]) =>
  [...limits].sort((a, b) => (a.scope + '\u0000' + a.subject < b.scope + '\u0000' + b.subject ? -1 : 1));
