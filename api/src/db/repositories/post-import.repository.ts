import { newId } from '../../core/ids';
import type { Db, Tx } from '../data-source';
import { CopyFirst, copyField } from '../pg-copy';
import { encodePiece, insertPieces, type CopyLayout, type CopyPiece, type StoredCounter } from './post-copy.repository';

export type { StoredCounter };

export type PostRow = {
  channel: string;
  publishedAt: string;
  source: string;
  externalId: string | null;
  author: string | null;
};

/** Rows handed over together, as the dialect stores them: the rows themselves, or their COPY text. */
export type Piece<R> = { size: number; rows: readonly R[] } | CopyPiece;

export type PostInserter<R> = {
  /** Prepares rows the moment they are validated (on PostgreSQL, their COPY text). */
  encode(rows: readonly R[]): Piece<R>;
  /** Stores a chunk inside the caller's transaction, skipping duplicates, and counts what was stored. */
  insert(m: Tx, pieces: ReadonlyArray<Piece<R>>, stored: StoredCounter): Promise<void>;
};

type SqliteConn = import('better-sqlite3').Database;
const sqliteConnection = (db: Db) => (db.dataSource.driver as unknown as { databaseConnection: SqliteConn }).databaseConnection;

/** Rows kept as they are, for SQLite's prepared statements. */
const sqliteRows = <R>(pieces: ReadonlyArray<Piece<R>>): Array<readonly R[]> => pieces.map((p) => (p as { rows: readonly R[] }).rows);

/** COPY text in pieces, for PostgreSQL. */
function pgInserter<R extends PostRow>(layout: CopyLayout<R>, planId: string): PostInserter<R> {
  const copyFirst = new CopyFirst();
  return {
    encode: (rows) => encodePiece(layout, rows),
    insert: (m, pieces, stored) => insertPieces(m, layout, planId, pieces as CopyPiece[], copyFirst, stored),
  };
}

const PLAIN_COLUMNS = ['id', 'plan_id', 'channel', 'published_at', 'source', 'external_id', 'author', 'created_at', 'import_id'] as const;

/**
 * The fastest bulk insert each dialect offers, one per import, used inside each chunk's
 * transaction; duplicates of (plan, channel, externalId) are skipped. Rows carry the import's id,
 * which hides them until the import commits (docs/domain.md#imports). On PostgreSQL a chunk is one
 * COPY (docs/performance.md#postgresql-import).
 */
export function postInserter(db: Db, planId: string, createdAt: string, importId: string): PostInserter<PostRow> {
  if (db.dialect === 'sqlite') {
    // The TypeORM transaction is open on this same connection, so these statements run inside it.
    const stmt = sqliteConnection(db).prepare(
      `INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    return {
      encode: (rows) => ({ size: rows.length, rows }),
      insert: async (_m, pieces, stored) => {
        for (const rows of sqliteRows(pieces)) {
          for (const r of rows) {
            if (stmt.run(newId(), planId, r.channel, r.publishedAt, r.source, r.externalId, r.author, createdAt, importId).changes > 0) {
              stored(r.publishedAt.slice(0, 10), r.channel, r.source, 1);
            }
          }
        }
      },
    };
  }
  const head = `\t${planId}\t`;
  const tail = `\t${createdAt}\t${importId}\n`;
  return pgInserter(
    {
      columns: PLAIN_COLUMNS,
      line: (r) => `${newId()}${head}${copyField(r.channel)}\t${r.publishedAt}\t${r.source}\t${copyField(r.externalId)}\t${copyField(r.author)}${tail}`,
    },
    planId,
  );
}

/** A row of a mapped import: the plain row plus where it came from and how its side was decided. */
export type MappedPostRow = PostRow & {
  account: string | null;
  permalink: string | null;
  publisher: string | null;
  classifiedBy: string;
  rosterEntryId: string | null;
};

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

const MAPPED_COLUMNS = [...PLAIN_COLUMNS, 'account', 'permalink', 'publisher', 'classified_by', 'roster_entry_id', 'origin'] as const;

/**
 * The mapped import's variant of `postInserter`, in the same transaction discipline: rows carry the
 * run's id (hidden until the commit) and `origin`, and a row whose normalised permalink a stored
 * post of the plan already has is skipped like a `(channel, externalId)` duplicate
 * (docs/domain.md#mapped-imports). The file's own repeats were dropped by the preview.
 */
export function mappedPostInserter(db: Db, planId: string, createdAt: string, importId: string, origin: string): PostInserter<MappedPostRow> {
  if (db.dialect === 'sqlite') {
    const { stmt, taken } = mappedStatements(sqliteConnection(db));
    return {
      encode: (rows) => ({ size: rows.length, rows }),
      insert: async (_m, pieces, stored) => {
        for (const rows of sqliteRows(pieces)) {
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
        }
      },
    };
  }
  const head = `\t${planId}\t`;
  const middle = `\t${createdAt}\t${importId}\t`;
  const tail = `\t${copyField(origin)}\n`;
  return pgInserter(
    {
      columns: MAPPED_COLUMNS,
      line: (r) =>
        `${newId()}${head}${copyField(r.channel)}\t${r.publishedAt}\t${r.source}\t${copyField(r.externalId)}\t${copyField(r.author)}${middle}` +
        `${copyField(r.account)}\t${copyField(r.permalink)}\t${copyField(r.publisher)}\t${r.classifiedBy}\t${copyField(r.rosterEntryId)}${tail}`,
      link: (r) => r.permalink,
    },
    planId,
  );
}
