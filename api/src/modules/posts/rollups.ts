import { addDays, addMonths, firstOfMonth, mondayOf, type Interval, type PostSource, type SharePoint } from '@handover/shared';
import type { EntityManager } from 'typeorm';
import type { Db } from '../../db/data-source';

type Row = { period: string; channel: string; source: string; delta: number };

/**
 * Collects rollup deltas for one transaction and writes them in one ordered pass, to the daily
 * rows (post_daily_counts) and to the weekly rows (post_weekly_counts).
 */
export class RollupDelta {
  private readonly deltas = new Map<string, number>();

  add(day: string, channel: string, source: string, delta = 1): void {
    // A JSON tuple, not a joined string: a channel is free text and may hold any separator.
    const key = JSON.stringify([day, channel, source]);
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + delta);
  }

  /** The net number of posts added. */
  total(): number {
    let sum = 0;
    for (const n of this.deltas.values()) sum += n;
    return sum;
  }

  /**
   * Apply inside the transaction that changed the ledger. Every writer goes daily table first,
   * then weekly, each in sorted key order, so two concurrent writers on PostgreSQL lock rollup
   * rows in the same order and cannot deadlock on them.
   */
  async apply(db: Db, m: EntityManager, planId: string): Promise<void> {
    const daily: Row[] = [];
    const weekly = new Map<string, number>();
    const mondays = new Map<string, string>();
    for (const [key, delta] of this.deltas) {
      if (delta === 0) continue;
      const [day, channel, source] = JSON.parse(key) as [string, string, string];
      daily.push({ period: day, channel, source, delta });
      let monday = mondays.get(day);
      if (!monday) mondays.set(day, (monday = mondayOf(day)));
      const weekKey = JSON.stringify([monday, channel, source]);
      weekly.set(weekKey, (weekly.get(weekKey) ?? 0) + delta);
    }
    const weeks: Row[] = [];
    for (const [key, delta] of weekly) {
      if (delta === 0) continue;
      const [week, channel, source] = JSON.parse(key) as [string, string, string];
      weeks.push({ period: week, channel, source, delta });
    }
    await upsert(db, m, planId, 'post_daily_counts', 'day', sortRows(daily));
    await upsert(db, m, planId, 'post_weekly_counts', 'week', sortRows(weeks));
  }
}

const rowKey = (r: Row) => `${r.period}\u0000${r.channel}\u0000${r.source}`;
const sortRows = (rows: Row[]) => rows.sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0));

async function upsert(db: Db, m: EntityManager, planId: string, table: string, column: string, rows: Row[]): Promise<void> {
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
  // Drop the rows this transaction brought to zero, and only those: it already holds their locks,
  // so the delete cannot wait on (or deadlock with) another writer's rows.
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

export type SourceCounts = { agency: number; inHouse: number; coAuthored: number; total: number };

/**
 * Posts per source with publishedAt in [fromDay, toDayExclusive), summed by the database over the
 * daily rows: three numbers come back however many days and channels there are.
 */
export async function countsBySource(
  db: Db,
  m: EntityManager,
  planId: string,
  fromDay: string,
  toDayExclusive: string,
): Promise<SourceCounts> {
  const p = (i: number) => db.param(i);
  const rows = await db.rows(
    m,
    `SELECT source, SUM(count) FROM post_daily_counts
     WHERE plan_id = ${p(1)} AND day >= ${p(2)} AND day < ${p(3)} GROUP BY source`,
    [planId, fromDay, toDayExclusive],
  );
  const out: SourceCounts = { agency: 0, inHouse: 0, coAuthored: 0, total: 0 };
  for (const [source, count] of rows) {
    const n = Number(count);
    if (source === 'agency') out.agency += n;
    else if (source === 'in_house') out.inHouse += n;
    else out.coAuthored += n;
    out.total += n;
  }
  return out;
}

/** Period starts from the period containing `from` to the one containing `to`, inclusive. */
export function periodStarts(interval: Interval, from: string, to: string): string[] {
  const out: string[] = [];
  if (interval === 'week') {
    for (let d = mondayOf(from); d <= to; d = addDays(d, 7)) out.push(d);
  } else {
    for (let d = firstOfMonth(from); d <= to; d = addMonths(d, 1)) out.push(d);
  }
  return out;
}

export function periodEnd(interval: Interval, start: string): string {
  return interval === 'week' ? addDays(start, 7) : addMonths(start, 1);
}

/** Counts per period start (a Monday, or the first of a month) and source. */
export type PeriodCounts = { periodStart: string; source: PostSource; count: number };

/** Fill the periods from their counts; empty periods are zeros and their share is 0. */
export function bucket(starts: string[], counts: PeriodCounts[]): SharePoint[] {
  const points = new Map<string, SharePoint>(
    starts.map((s) => [s, { periodStart: s, agency: 0, inHouse: 0, coAuthored: 0, total: 0, inHouseShare: 0 }]),
  );
  for (const c of counts) {
    const point = points.get(c.periodStart);
    if (!point) continue;
    if (c.source === 'agency') point.agency += c.count;
    else if (c.source === 'in_house') point.inHouse += c.count;
    else point.coAuthored += c.count;
  }
  for (const point of points.values()) {
    point.total = point.agency + point.inHouse + point.coAuthored;
    point.inHouseShare = point.total === 0 ? 0 : point.inHouse / point.total;
  }
  return [...points.values()];
}

/**
 * Share points for the given period starts, summed per period and source by the database: weeks
 * from the weekly rows, months from the daily rows grouped by their `YYYY-MM` prefix. Either way
 * at most periods x 3 rows come back, so the cost does not grow with the ledger.
 */
export async function sharePoints(
  db: Db,
  m: EntityManager,
  planId: string,
  interval: Interval,
  starts: string[],
  channel?: string,
): Promise<SharePoint[]> {
  if (!starts.length) return [];
  const p = (i: number) => db.param(i);
  const from = starts[0]!;
  const to = periodEnd(interval, starts[starts.length - 1]!);
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
  const rows = await db.rows(m, sql, params);
  return bucket(
    starts,
    rows.map(([period, source, count]) => ({
      periodStart: interval === 'week' ? String(period) : `${String(period)}-01`,
      source: source as PostSource,
      count: Number(count),
    })),
  );
}
