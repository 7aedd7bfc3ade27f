import type { Db, Tx } from '../data-source';
import { RateLimitEntity } from '../entities/rate-limit.entity';

export type Counter = { scope: string; subject: string };
export type Count = { count: number; windowStart: string };

/**
 * Count one more against a counter in one atomic upsert and return what it holds now; a window
 * closed by `cutoff` starts again at `now`. Two requests reserving together each see their own
 * count (PostgreSQL locks the row for the upsert; SQLite runs one write at a time).
 */
export async function reserveOne(db: Db, m: Tx, c: Counter, now: string, cutoff: string): Promise<Count> {
  const p = (i: number) => db.param(i);
  const rows: Array<{ count: number | string; window_start: string }> = await m.query(
    `INSERT INTO rate_limits (scope, subject, window_start, count) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1)
     ON CONFLICT (scope, subject) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start <= ${p(4)} THEN 1 ELSE rate_limits.count + 1 END,
       window_start = CASE WHEN rate_limits.window_start <= ${p(5)} THEN excluded.window_start ELSE rate_limits.window_start END
     RETURNING count, window_start`,
    [c.scope, c.subject, now, cutoff, cutoff],
  );
  const row = rows[0]!;
  return { count: Number(row.count), windowStart: row.window_start };
}

/** Give `n` back (attempts that turned out not to be failures); never below zero. */
export async function release(db: Db, m: Tx, c: Counter, n: number): Promise<void> {
  await m.query(
    `UPDATE rate_limits SET count = CASE WHEN count > ${db.param(1)} THEN count - ${db.param(2)} ELSE 0 END
     WHERE scope = ${db.param(3)} AND subject = ${db.param(4)}`,
    [n, n, c.scope, c.subject],
  );
}

export async function deleteCounter(db: Db, m: Tx, c: Counter): Promise<void> {
  await m.query(`DELETE FROM rate_limits WHERE scope = ${db.param(1)} AND subject = ${db.param(2)}`, [c.scope, c.subject]);
}

/** Delete counters whose window closed by `cutoff`: they count nothing any more. */
export async function deleteClosedCounters(m: Tx, cutoff: string): Promise<number> {
  const result = await m.getRepository(RateLimitEntity).createQueryBuilder().delete().where('window_start <= :cutoff', { cutoff }).execute();
  return result.affected ?? 0;
}
