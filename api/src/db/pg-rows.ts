import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

const statementNames = new Map<string, string>();

/** A prepared statement's name: from its text, so one text is one statement on every connection. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `h${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`));
  return name;
}

/**
 * Db.rows on PostgreSQL: straight to pg, on the transaction's connection or the pool, rows as
 * arrays; with `prepare` as a named statement, parsed and planned once per connection
 * (docs/performance.md#the-postgresql-read-path). Errors come out as TypeORM reports them, so
 * isRetryableConflict and isUniqueViolation see them the same way.
 */
export async function pgRows(dataSource: DataSource, m: EntityManager, sql: string, params: unknown[], prepare: boolean): Promise<unknown[][]> {
  const runner = m.queryRunner as (typeof m.queryRunner & { databaseConnection?: PoolClient }) | undefined;
  const target: Pool | PoolClient = runner?.databaseConnection ?? (dataSource.driver as unknown as { master: Pool }).master;
  try {
    const result = await target.query<unknown[]>({ text: sql, values: params, rowMode: 'array', ...(prepare && { name: statementName(sql) }) });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(sql, params, error as Error);
  }
}
