import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../api/src/config';
import { createTempDatabase } from '../../api/scripts/pg-temp';

export type Dialect = DatabaseConfig['dialect'];
export const dialect: Dialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export type FreshDatabase = {
  config: DatabaseConfig;
  /** DATABASE_URL as a server process reads it. */
  url: string;
  drop: () => Promise<void>;
};

/** DATABASE_URL for a database config: `sqlite:/path` or the PostgreSQL URL. */
export function databaseUrl(config: DatabaseConfig): string {
  return config.dialect === 'sqlite' ? `sqlite:${config.path}` : config.url;
}

/**
 * A fresh, empty database: a temp SQLite file, or a throwaway PostgreSQL database (named after
 * `prefix`). The dialect is the run's (TEST_DB) unless given.
 */
export async function freshDatabase(options: { dialect?: Dialect; prefix?: string } = {}): Promise<FreshDatabase> {
  const prefix = options.prefix ?? 'handover_test';
  if ((options.dialect ?? dialect) === 'postgres') {
    const temp = await createTempDatabase(prefix);
    return { config: { dialect: 'postgres', url: temp.url }, url: temp.url, drop: temp.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replaceAll('_', '-')}-`));
  const config: DatabaseConfig = { dialect: 'sqlite', path: path.join(dir, 'test.db') };
  return { config, url: databaseUrl(config), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
