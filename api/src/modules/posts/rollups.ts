import { addDays, addMonths, firstOfMonth, mondayOf, type Interval, type PostSource, type SharePoint } from '@handover/shared';
import type { Db, Tx } from '../../db/data-source';
import { countsBySourceRows, periodCountRows, upsertRollups, type RollupRow } from '../../db/repositories/rollups.repository';

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
  async apply(db: Db, m: Tx, planId: string): Promise<void> {
    const daily: RollupRow[] = [];
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
    const weeks: RollupRow[] = [];
    for (const [key, delta] of weekly) {
      if (delta === 0) continue;
      const [week, channel, source] = JSON.parse(key) as [string, string, string];
      weeks.push({ period: week, channel, source, delta });
    }
    await upsertRollups(db, m, planId, 'post_daily_counts', 'day', sortRows(daily));
    await upsertRollups(db, m, planId, 'post_weekly_counts', 'week', sortRows(weeks));
  }
}

const rowKey = (r: RollupRow) => `${r.period}\u0000${r.channel}\u0000${r.source}`;
const sortRows = (rows: RollupRow[]) => rows.sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0));

export type SourceCounts = { agency: number; inHouse: number; coAuthored: number; total: number };

/** Posts per source with publishedAt in [fromDay, toDayExclusive): three numbers however many days and channels. */
export async function countsBySource(db: Db, m: Tx, planId: string, fromDay: string, toDayExclusive: string): Promise<SourceCounts> {
  const out: SourceCounts = { agency: 0, inHouse: 0, coAuthored: 0, total: 0 };
  for (const [source, count] of await countsBySourceRows(db, m, planId, fromDay, toDayExclusive)) {
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

/** Share points for the given period starts (docs/domain.md#share), summed per period and source by the database. */
export async function sharePoints(db: Db, m: Tx, planId: string, interval: Interval, starts: string[], channel?: string): Promise<SharePoint[]> {
  if (!starts.length) return [];
  const rows = await periodCountRows(db, m, planId, interval, starts[0]!, periodEnd(interval, starts[starts.length - 1]!), channel);
  return bucket(
    starts,
    rows.map(([period, source, count]) => ({
      periodStart: interval === 'week' ? String(period) : `${String(period)}-01`,
      source: source as PostSource,
      count: Number(count),
    })),
  );
}
