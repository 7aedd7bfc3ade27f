import type { Db, Tx } from '../data-source';

export type Counter = { scope: string; subject: string };

/** The window starts of the counters that reached `max` in a window still open after `cutoff`. */
export async function fullCounters(db: Db, m: Tx, counters: Counter[], cutoff: string, max: number): Promise<string[]> {
  const p = (i: number) => db.param(i);
  const rows: Array<{ window_start: string }> = await m.query(
    `SELECT window_start FROM rate_limits
     WHERE (${counters.map((_, i) => `(scope = ${p(2 * i + 1)} AND subject = ${p(2 * i + 2)})`).join(' OR ')})
       AND window_start > ${p(2 * counters.length + 1)} AND count >= ${p(2 * counters.length + 2)}`,
    [...counters.flatMap((c) => [c.scope, c.subject]), cutoff, max],
  );
  return rows.map((r) => r.window_start);
}

/** Count one more against a counter in one atomic upsert; a window closed by `cutoff` starts again at `now`. */
export async function countOne(db: Db, m: Tx, c: Counter, now: string, cutoff: string): Promise<void> {
  const p = (i: number) => db.param(i);
  await m.query(
    `INSERT INTO rate_limits (scope, subject, window_start, count) VALUES (${p(1)}, ${p(2)}, ${p(3)}, 1)
     ON CONFLICT (scope, subject) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start <= ${p(4)} THEN 1 ELSE rate_limits.count + 1 END,
       window_start = CASE WHEN rate_limits.window_start <= ${p(5)} THEN excluded.window_start ELSE rate_limits.window_start END`,
    [c.scope, c.subject, now, cutoff, cutoff],
  );
}

export async function deleteCounter(db: Db, m: Tx, c: Counter): Promise<void> {
  await m.query(`DELETE FROM rate_limits WHERE scope = ${db.param(1)} AND subject = ${db.param(2)}`, [c.scope, c.subject]);
}
