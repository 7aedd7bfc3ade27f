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

/** A row of a mapped import: the plain row plus where it came from and how its side was decided. */
export type MappedPostRow = PostRow & {
  account: string | null;
  permalink: string | null;
  publisher: string | null;
  classifiedBy: string;
  rosterEntryId: string | null;
};

type SqliteConn = import('better-sqlite3').Database;
const prepared = new WeakMap<SqliteConn, { stmt: import('better-sqlite3').Statement; taken: import('better-sqlite3').Statement }>();

/** The mapped insert's statements, prepared once per connection rather than once per chunk. */
function mappedStatements(conn: SqliteConn) {
  let statements = prepared.get(conn);
  if (!statements) {
    statements = {
      stmt: conn.prepare(
        `INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at, import_id,
           account, permalink, publisher, classified_by, roster_entry_id, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      // The chunk's permalinks already stored, in one statement: SQLite walks the index in order
      // instead of one random lookup per row.
      taken: conn.prepare(`SELECT permalink FROM posts WHERE plan_id = ? AND permalink IN (SELECT value FROM json_each(?))`).pluck(),
    };
    prepared.set(conn, statements);
  }
  return statements;
}

/**
 * The mapped import's variant of `postInserter`, in the same transaction discipline: rows carry the
 * run's id (hidden until the commit) and `origin`, and a row whose normalised permalink a stored
 * post of the plan already has is skipped like a `(channel, externalId)` duplicate
 * (docs/domain.md#mapped-imports).
 */
export function mappedPostInserter(db: Db, m: Tx, planId: string, createdAt: string, importId: string, origin: string) {
  if (db.dialect === 'sqlite') {
    const conn = (db.dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database }).databaseConnection;
    const { stmt, taken } = mappedStatements(conn);
    return {
      insert: async (rows: MappedPostRow[], stored: StoredCounter) => {
        const links = rows.map((r) => r.permalink).filter((l): l is string => l !== null);
        const already = new Set<string>(links.length ? (taken.all(planId, JSON.stringify(links)) as string[]) : []);
        for (const r of rows) {
          if (r.permalink !== null && already.has(r.permalink)) continue;
          const changed = stmt.run(
            newId(), planId, r.channel, r.publishedAt, r.source, r.externalId, r.author, createdAt, importId,
            r.account, r.permalink, r.publisher, r.classifiedBy, r.rosterEntryId, origin,
          ).changes;
          if (changed > 0) stored(r.publishedAt.slice(0, 10), r.channel, r.source, 1);
        }
      },
    };
  }
  return {
    insert: async (rows: MappedPostRow[], stored: StoredCounter) => {
      const fields = ['channel', 'publishedAt', 'source', 'externalId', 'author', 'account', 'permalink', 'publisher', 'classifiedBy', 'rosterEntryId'] as const;
      const cols: unknown[][] = [rows.map(() => newId()), ...fields.map((f) => rows.map((r) => r[f]))];
      const counted: Array<{ day: string; channel: string; source: string; n: string | number }> = await m.query(
        `WITH stored AS (
           INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, account, permalink, publisher,
             classified_by, roster_entry_id, created_at, import_id, origin)
           SELECT id, $12::varchar, channel, published_at, source, external_id, author, account, permalink, publisher,
             classified_by, roster_entry_id, $13, $14, $15
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                       $8::varchar[], $9::varchar[], $10::varchar[], $11::varchar[])
             AS t(id, channel, published_at, source, external_id, author, account, permalink, publisher, classified_by, roster_entry_id)
           WHERE t.permalink IS NULL OR NOT EXISTS (SELECT 1 FROM posts p WHERE p.plan_id = $12::varchar AND p.permalink = t.permalink)
           ON CONFLICT DO NOTHING
           RETURNING published_at, channel, source
         )
         SELECT substr(published_at, 1, 10) AS day, channel, source, COUNT(*) AS n FROM stored GROUP BY 1, 2, 3`,
        [...cols, planId, createdAt, importId, origin],
      );
      for (const s of counted) stored(s.day, s.channel, s.source, Number(s.n));
    },
  };
}
