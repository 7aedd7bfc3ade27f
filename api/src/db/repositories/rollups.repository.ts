import type { Interval } from '@handover/shared';
import type { Db, Tx } from '../data-source';

export type RollupRow = { period: string; channel: string; source: string; delta: number };

/**
 * Add deltas to the rollup rows of one table (post_daily_counts by `day`, post_weekly_counts by
 * `week`), in the order given, then drop the rows this transaction brought to zero.
 */
export async function upsertRollups(
  db: Db,
  m: Tx,
  planId: string,
  table: 'post_daily_counts' | 'post_weekly_counts',
  column: 'day' | 'week',
  rows: RollupRow[],
): Promise<void> {
  const p = (i: number) => db.param(i);
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const values: unknown[] = [];
    const tuples = chunk.map((r, i) => {
      values.push(planId, r.period, r.channel, r.source, r.delta);
      const b = i * 5;
      return `(${p(b + 1)}, ${p(b + 2)}, ${p(b + 3)}, ${p(b + 4)}, ${p(b + 5)})`;
    });
    await m.query(
      `INSERT INTO ${table} (plan_id, ${column}, channel, source, count) VALUES ${tuples.join(', ')}
       ON CONFLICT (plan_id, ${column}, channel, source) DO UPDATE SET count = ${table}.count + excluded.count`,
      values,
    );
  }
  // Only the rows this transaction lowered: it already holds their locks, so the delete cannot
  // wait on (or deadlock with) another writer's rows.
  const lowered = rows.filter((r) => r.delta < 0);
  for (let start = 0; start < lowered.length; start += 200) {
    const chunk = lowered.slice(start, start + 200);
    const values: unknown[] = [planId];
    const keys = chunk.map((r, i) => {
      values.push(r.period, r.channel, r.source);
      return `(${column} = ${p(3 * i + 2)} AND channel = ${p(3 * i + 3)} AND source = ${p(3 * i + 4)})`;
    });
    await m.query(`DELETE FROM ${table} WHERE plan_id = ${p(1)} AND count <= 0 AND (${keys.join(' OR ')})`, values);
  }
}

/** [source, count] per source of the posts with publishedAt in [fromDay, toDayExclusive), from the daily rows. */
export function countsBySourceRows(db: Db, m: Tx, planId: string, fromDay: string, toDayExclusive: string): Promise<unknown[][]> {
  const p = (i: number) => db.param(i);
  return db.rows(
    m,
    `SELECT source, SUM(count) FROM post_daily_counts
     WHERE plan_id = ${p(1)} AND day >= ${p(2)} AND day < ${p(3)} GROUP BY source`,
    [planId, fromDay, toDayExclusive],
  );
}

/**
 * [period, source, count] for periods in [from, to): weeks from the weekly rows, months from the
 * daily rows grouped by their `YYYY-MM` prefix. At most periods x 3 rows, however long the ledger.
 */
export function periodCountRows(db: Db, m: Tx, planId: string, interval: Interval, from: string, to: string, channel?: string): Promise<unknown[][]> {
  const p = (i: number) => db.param(i);
  const params: unknown[] = [planId, from, to];
  let filter = '';
  if (channel !== undefined) {
    params.push(channel.trim().toLowerCase());
    filter = ` AND channel = ${p(4)}`;
  }
  const sql =
    interval === 'week'
      ? `SELECT week, source, SUM(count) FROM post_weekly_counts
         WHERE plan_id = ${p(1)} AND week >= ${p(2)} AND week < ${p(3)}${filter} GROUP BY week, source`
      : `SELECT substr(day, 1, 7), source, SUM(count) FROM post_daily_counts
         WHERE plan_id = ${p(1)} AND day >= ${p(2)} AND day < ${p(3)}${filter} GROUP BY substr(day, 1, 7), source`;
  return db.rows(m, sql, params);
}
