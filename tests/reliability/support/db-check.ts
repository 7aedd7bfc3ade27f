import 'reflect-metadata';
import type { DatabaseConfig } from '../../../api/src/config';
import { createDataSource, Db } from '../../../api/src/db/data-source';
import { rollupsVersusLedger } from '../../support/rollups';

/** A second connection to a server's database, for checks from outside (no migrations run). */
export async function openForChecks(config: DatabaseConfig): Promise<Db> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  return new Db(dataSource, config.dialect);
}

/** `PRAGMA integrity_check` and `foreign_key_check` on SQLite; PostgreSQL has no equivalent to run ("ok"). */
export async function integrity(db: Db): Promise<string> {
  if (db.dialect !== 'sqlite') return 'ok';
  const rows: Array<{ integrity_check: string }> = await db.read((m) => m.query('PRAGMA integrity_check'));
  const result = rows.map((r) => r.integrity_check).join('; ');
  const fk: unknown[] = await db.read((m) => m.query('PRAGMA foreign_key_check'));
  return fk.length ? `${result}; foreign keys: ${JSON.stringify(fk.slice(0, 5))}` : result;
}

/** Throws unless the plan's daily rollups equal a recount of its ledger. */
export async function expectRollupsMatch(db: Db, planId: string): Promise<void> {
  const { rollups, recount } = await rollupsVersusLedger(db, planId);
  expect(rollups).toEqual(recount);
}

export async function scalar(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const rows: Array<Record<string, unknown>> = await db.read((m) => m.query(sql, params));
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}
