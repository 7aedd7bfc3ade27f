import type { Db } from '../../api/src/db/data-source';

/** The rollup table and a recount of the ledger, both as sorted "day|channel|source=count" lines. */
export async function rollupsVersusLedger(db: Db, planId: string): Promise<{ rollups: string[]; recount: string[] }> {
  const p = db.param(1);
  return db.read(async (m) => {
    const rollups: Array<{ day: string; channel: string; source: string; count: string | number }> = await m.query(
      `SELECT day, channel, source, count FROM post_daily_counts WHERE plan_id = ${p}`,
      [planId],
    );
    const recount: Array<{ day: string; channel: string; source: string; count: string | number }> = await m.query(
      `SELECT substr(published_at, 1, 10) AS day, channel, source, COUNT(*) AS count
       FROM posts WHERE plan_id = ${p} GROUP BY substr(published_at, 1, 10), channel, source`,
      [planId],
    );
    const lines = (rows: typeof rollups) =>
      rows.map((r) => `${r.day}|${r.channel}|${r.source}=${Number(r.count)}`).sort();
    return { rollups: lines(rollups), recount: lines(recount) };
  });
}
