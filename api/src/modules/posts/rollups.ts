import { addDays, addMonths, firstOfMonth, mondayOf, type Interval, type PostSource, type SharePoint } from '@handover/shared';
import type { EntityManager } from 'typeorm';
import type { Db } from '../../db/data-source';

/** Collects rollup deltas for one transaction and writes them in one ordered pass. */
export class RollupDelta {
  private readonly deltas = new Map<string, number>();

  add(day: string, channel: string, source: string, delta = 1): void {
    const key = `${day}\u0000${channel}\u0000${source}`;
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + delta);
  }

  /** The net number of posts added. */
  total(): number {
    let sum = 0;
    for (const n of this.deltas.values()) sum += n;
    return sum;
  }

  /**
   * Apply inside the transaction that changed the ledger. Keys are written in sorted order so two
   * concurrent writers on PostgreSQL lock rollup rows in the same order and cannot deadlock.
   */
  async apply(db: Db, m: EntityManager, planId: string): Promise<void> {
    const rows = [...this.deltas.entries()]
      .filter(([, delta]) => delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, delta]) => {
        const [day, channel, source] = key.split('\u0000') as [string, string, string];
        return { day, channel, source, delta };
      });
    if (!rows.length) return;
    const p = (i: number) => db.param(i);
    for (let start = 0; start < rows.length; start += 200) {
      const chunk = rows.slice(start, start + 200);
      const values: unknown[] = [];
      const tuples = chunk.map((r, i) => {
        values.push(planId, r.day, r.channel, r.source, r.delta);
        const b = i * 5;
        return `(${p(b + 1)}, ${p(b + 2)}, ${p(b + 3)}, ${p(b + 4)}, ${p(b + 5)})`;
      });
      await m.query(
        `INSERT INTO post_daily_counts (plan_id, day, channel, source, count) VALUES ${tuples.join(', ')}
         ON CONFLICT (plan_id, day, channel, source) DO UPDATE SET count = post_daily_counts.count + excluded.count`,
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
        values.push(r.day, r.channel, r.source);
        return `(day = ${p(3 * i + 2)} AND channel = ${p(3 * i + 3)} AND source = ${p(3 * i + 4)})`;
      });
      await m.query(`DELETE FROM post_daily_counts WHERE plan_id = ${p(1)} AND count <= 0 AND (${keys.join(' OR ')})`, values);
    }
  }
}

export type DayCounts = { day: string; source: PostSource; count: number };

/** Rollup rows for days in [fromDay, toDayExclusive), optionally for one channel, summed over channels. */
export async function dailyCounts(
  db: Db,
  m: EntityManager,
  planId: string,
  fromDay: string,
  toDayExclusive: string,
  channel?: string,
): Promise<DayCounts[]> {
  const p = (i: number) => db.param(i);
  const params: unknown[] = [planId, fromDay, toDayExclusive];
  let filter = '';
  if (channel !== undefined) {
    params.push(channel.trim().toLowerCase());
    filter = ` AND channel = ${p(4)}`;
  }
  const rows: Array<{ day: string; source: string; count: string | number }> = await m.query(
    `SELECT day, source, SUM(count) AS count FROM post_daily_counts
     WHERE plan_id = ${p(1)} AND day >= ${p(2)} AND day < ${p(3)}${filter}
     GROUP BY day, source`,
    params,
  );
  return rows.map((r) => ({ day: r.day, source: r.source as PostSource, count: Number(r.count) }));
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

/** Bucket day counts into periods; empty periods are zeros and their share is 0. */
export function bucket(interval: Interval, starts: string[], counts: DayCounts[]): SharePoint[] {
  const points = new Map<string, SharePoint>(
    starts.map((s) => [s, { periodStart: s, agency: 0, inHouse: 0, coAuthored: 0, total: 0, inHouseShare: 0 }]),
  );
  for (const c of counts) {
    const point = points.get(interval === 'week' ? mondayOf(c.day) : firstOfMonth(c.day));
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

/** Weekly share points for the given period starts, read from the rollups. */
export async function sharePoints(
  db: Db,
  m: EntityManager,
  planId: string,
  interval: Interval,
  starts: string[],
  channel?: string,
): Promise<SharePoint[]> {
  if (!starts.length) return [];
  const counts = await dailyCounts(db, m, planId, starts[0]!, periodEnd(interval, starts[starts.length - 1]!), channel);
  return bucket(interval, starts, counts);
}
