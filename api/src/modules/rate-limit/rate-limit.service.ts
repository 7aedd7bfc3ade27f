import { createHash } from 'node:crypto';
import { deleteClosedCounters, deleteCounter, release, reserveOne, type Count, type Counter } from '../../db/repositories/rate-limit.repository';
import type { Deps } from '../deps';

export type { Count, Counter };

/** Every counter here counts in fifteen-minute windows (docs/domain.md#sign-in-limits). */
export const WINDOW_MS = 15 * 60_000;

/**
 * Counters in the database, so several API processes on one PostgreSQL database share them.
 * Each counter's window opens at its first attempt and lasts `WINDOW_MS`; an attempt after that
 * opens a new window. An attempt is reserved before the work it guards (a password check) and
 * given back when it turns out not to be a failure, so a burst of parallel attempts can never
 * run more checks than the limit allows (docs/domain.md#sign-in-limits).
 */
export class RateLimiter {
  constructor(private readonly deps: Deps) {}

  /** Count one attempt against every counter in one transaction; their counts after it, in the order given. */
  async reserve(counters: Counter[]): Promise<Count[]> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
    return db.write(async (m) => {
      const counts = new Map<string, Count>();
      // A fixed order, so two processes counting the same counters lock rows in the same order.
      for (const c of sorted(counters)) counts.set(key(c), await reserveOne(db, m, c, now.toISOString(), cutoff));
      return counters.map((c) => counts.get(key(fit(c)))!);
    });
  }

  /** Give back reserved attempts that were not failures: one on each counter, or as many as given. */
  async release(counters: Array<Counter & { n?: number }>): Promise<void> {
    const db = this.deps.db;
    await db.write(async (m) => {
      for (const c of sorted(counters)) await release(db, m, c, c.n ?? 1);
    });
  }

  /** Forget these counters (and only these). */
  async reset(counters: Counter[]): Promise<void> {
    const db = this.deps.db;
    await db.write(async (m) => {
      for (const c of sorted(counters)) await deleteCounter(db, m, c);
    });
  }

  /** Delete every counter whose window has closed (housekeeping); how many went. */
  purgeClosed(): Promise<number> {
    const db = this.deps.db;
    const cutoff = new Date(this.deps.clock.now().getTime() - WINDOW_MS).toISOString();
    return db.write((m) => deleteClosedCounters(m, cutoff));
  }

  /** Whole seconds until a window that opened at `windowStart` closes (at least 1). */
  retryAfter(windowStart: string): number {
    const reopens = new Date(windowStart).getTime() + WINDOW_MS;
    return Math.max(1, Math.ceil((reopens - this.deps.clock.now().getTime()) / 1000));
  }
}

/** The column holds 320 characters: a longer subject (an email that lower-cases longer) is kept as its hash. */
const MAX_SUBJECT = 320;
const fit = <C extends Counter>(c: C): C =>
  c.subject.length <= MAX_SUBJECT ? c : { ...c, subject: `sha256:${createHash('sha256').update(c.subject).digest('hex')}` };

const key = (c: Counter) => `${c.scope}\u0000${c.subject}`;
const sorted = <C extends Counter>(counters: C[]) => counters.map(fit).sort((a, b) => (key(a) < key(b) ? -1 : 1));
