import type { Deps } from '../../deps';
import { tooManyRequests } from '../../http/problem';

export type Limit = { scope: string; subject: string };
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
    const p = (i: number) => db.param(i);
    const rows: Array<{ window_start: string }> = await db.read((m) =>
      m.query(
        `SELECT window_start FROM rate_limits
         WHERE (${limits.map((_, i) => `(scope = ${p(2 * i + 1)} AND subject = ${p(2 * i + 2)})`).join(' OR ')})
           AND window_start > ${p(2 * limits.length + 1)} AND count >= ${p(2 * limits.length + 2)}`,
        [...limits.flatMap((l) => [l.scope, l.subject]), cutoff, this.policy.max],
      ),
    );
    if (!rows.length) return;
    const reopens = Math.max(...rows.map((r) => new Date(r.window_start).getTime() + this.policy.windowMs));
    throw tooManyRequests(Math.max(1, Math.ceil((reopens - now) / 1000)), detail);
  }

  /** Count one failure against every counter, atomically. */
  async recordFailure(limits: Limit[]): Promise<void> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const cutoff = new Date(now.getTime() - this.policy.windowMs).toISOString();
    const p = (i: number) => db.param(i);
    await db.write(async (m) => {
      // A fixed order, so two processes counting the same pair lock rows in the same order.
      for (const l of sorted(limits)) {
        await m.query(
          `INSERT INTO rate_limits (scope, subject, window_start, count) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1)
           ON CONFLICT (scope, subject) DO UPDATE SET
             count = CASE WHEN rate_limits.window_start <= ${p(4)} THEN 1 ELSE rate_limits.count + 1 END,
             window_start = CASE WHEN rate_limits.window_start <= ${p(5)} THEN excluded.window_start ELSE rate_limits.window_start END`,
          [l.scope, l.subject, now.toISOString(), cutoff, cutoff],
        );
      }
    });
  }

  /** Forget these counters (and only these). */
  async reset(limits: Limit[]): Promise<void> {
    const db = this.deps.db;
    const p = (i: number) => db.param(i);
    await db.write(async (m) => {
      for (const l of sorted(limits)) {
        await m.query(`DELETE FROM rate_limits WHERE scope = ${p(1)} AND subject = ${p(2)}`, [l.scope, l.subject]);
      }
    });
  }
}

const sorted = (limits: Limit[]) =>
  [...limits].sort((a, b) => (a.scope + '\u0000' + a.subject < b.scope + '\u0000' + b.subject ? -1 : 1));
