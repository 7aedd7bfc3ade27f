import { newId } from '../../core/ids';
import type { Db, Tx } from '../data-source';

export type PostRow = {
  channel: string;
  publishedAt: string;
  source: string;
  externalId: string | null;
  author: string | null;
};

/** Reports how many posts were stored per day, channel and source. */
export type StoredCounter = (day: string, channel: string, source: string, count: number) => void;

export type PostInserter = {
  /** Insert, skipping duplicates of (plan, channel, externalId), and count what was stored. */
  insert(rows: PostRow[], stored: StoredCounter): Promise<void>;
};

/**
 * The fastest bulk insert each dialect offers, inside the caller's transaction. Rows carry the
 * import's id, which hides them until the import commits (docs/domain.md#imports).
 */
export function postInserter(db: Db, m: Tx, planId: string, createdAt: string, importId: string): PostInserter {
  if (db.dialect === 'sqlite') {
    // The TypeORM transaction is open on this same connection, so these statements run inside it.
    const conn = (db.dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database }).databaseConnection;
    const stmt = conn.prepare(
      `INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    return {
      insert: async (rows, stored) => {
        for (const r of rows) {
          if (stmt.run(newId(), planId, r.channel, r.publishedAt, r.source, r.externalId, r.author, createdAt, importId).changes > 0) {
            stored(r.publishedAt.slice(0, 10), r.channel, r.source, 1);
          }
        }
      },
    };
  }
  // The database counts what it stored per day, channel and source, so a handful of rows come
  // back per batch instead of one per post.
  return {
    insert: async (rows, stored) => {
      const cols: string[][] = [[], [], [], [], [], []];
      for (const r of rows) {
        cols[0]!.push(newId());
        cols[1]!.push(r.channel);
        cols[2]!.push(r.publishedAt);
        cols[3]!.push(r.source);
        cols[4]!.push(r.externalId as string);
        cols[5]!.push(r.author as string);
      }
      const counted: Array<{ day: string; channel: string; source: string; n: string | number }> = await m.query(
        `WITH stored AS (
           INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at, import_id)
           SELECT id, $7, channel, published_at, source, external_id, author, $8, $9
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[])
             AS t(id, channel, published_at, source, external_id, author)
           ON CONFLICT DO NOTHING
           RETURNING published_at, channel, source
         )
         SELECT substr(published_at, 1, 10) AS day, channel, source, COUNT(*) AS n FROM stored GROUP BY 1, 2, 3`,
        [...cols, planId, createdAt, importId],
      );
      for (const s of counted) stored(s.day, s.channel, s.source, Number(s.n));
    },
  };
}
