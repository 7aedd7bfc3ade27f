import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../api/src/config';
import { createTempDatabase } from '../../api/scripts/pg-temp';

export const dialect: DatabaseConfig['dialect'] = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh, empty database for one test file: a temp SQLite file, or a throwaway PostgreSQL database. */
export async function freshDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (dialect === 'postgres') {
    const temp = await createTempDatabase('handover_test');
    return { config: { dialect: 'postgres', url: temp.url }, drop: temp.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-test-'));
  return {
    config: { dialect: 'sqlite', path: path.join(dir, 'test.db') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
