import type { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './data-source';

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field in `COPY ... FROM STDIN`'s text format: `\N` for null; backslash, tab, newline and
 * carriage return escaped. The values never hold NUL (the validation refuses it), which no text
 * format could carry.
 */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
}

/** The pg client under a TypeORM transaction: COPY needs the connection itself. */
function clientOf(m: Tx): PoolClient {
  const client = (m.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('COPY needs a transaction on PostgreSQL');
  return client;
}

/** `COPY table (columns) FROM STDIN` of text already in COPY's format, on the transaction's connection. */
export function copyRows(m: Tx, table: string, columns: readonly string[], text: readonly Buffer[]): Promise<void> {
  const stream = clientOf(m).query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)) as Writable;
  return new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    for (const piece of text) stream.write(piece);
    stream.end();
  });
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

/**
 * COPY the rows, or nothing: inside a savepoint, so that a unique violation (a key the table
 * already holds, or one repeated among the rows) undoes only the COPY and answers false, and the
 * caller stores the rows with its `ON CONFLICT DO NOTHING` insert instead. Other errors are thrown
 * (docs/performance.md#postgresql-import).
 */
export async function copyUnlessDuplicate(m: Tx, table: string, columns: readonly string[], text: readonly Buffer[]): Promise<boolean> {
  await m.query('SAVEPOINT copy_rows');
  try {
    await copyRows(m, table, columns, text);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await m.query('ROLLBACK TO SAVEPOINT copy_rows');
    return false;
  }
  await m.query('RELEASE SAVEPOINT copy_rows');
  return true;
}

/**
 * Whether a chunk tries COPY first: at the start, and after any chunk that held no duplicate. A
 * file that repeats stored posts (an export imported back) conflicts in every chunk, so once a
 * chunk had duplicates the next ones go straight to the `ON CONFLICT` insert, until one is clean.
 */
export class CopyFirst {
  private hadDuplicates = false;

  get worthTrying(): boolean {
    return !this.hadDuplicates;
  }

  /** The duplicates the last chunk skipped, however it was stored. */
  record(duplicates: number): void {
    this.hadDuplicates = duplicates > 0;
  }
}
