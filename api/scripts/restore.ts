/**
 * npm run restore -- <file>
 *
 * Puts a backup made by `npm run backup` back as the database named by DATABASE_URL.
 * The server must be stopped: the restore refuses while any process has the database open.
 * SQLite: the backup is integrity-checked, the current database is kept beside it as
 * `<db>.before-restore-<time>`, and the backup is copied in and renamed into place (atomic).
 * PostgreSQL: `pg_restore --clean --if-exists --single-transaction`, all or nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { DatabaseConfig } from '../src/config';
import { PRIVATE_MODE, ScriptError, databaseFromEnv, fileArgument, fsyncPath, integrityOf, runPgTool } from './backup';

const IN_USE = 'the database is in use: stop the server (and anything else using it) before restoring.';

/**
 * Take the database's exclusive lock without waiting. Every connection to a WAL database holds a
 * shared lock for as long as it is open, so this fails while a server has it open, even idle.
 * On success the WAL is checkpointed into the file, so the file alone is the whole database.
 */
function quiesceSqlite(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new ScriptError(IN_USE);
      throw error;
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

function restoreSqlite(target: string, backup: string): void {
  if (target === ':memory:') throw new ScriptError('DATABASE_URL names an in-memory database: there is nothing to restore into.');
  const check = integrityOf(backup);
  if (check !== 'ok') throw new ScriptError(`The backup failed its integrity check, nothing was changed: ${check}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    quiesceSqlite(target);
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, kept);
  }
  // A WAL or shared-memory file left beside the old database must never be replayed onto the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backup, incoming);
  fs.chmodSync(incoming, PRIVATE_MODE);
  fsyncPath(incoming);
  fs.renameSync(incoming, target);
  fsyncPath(path.dirname(target));
  console.log(`Restored ${backup} into ${target}.${kept ? ` The database it replaced is kept as ${kept}.` : ''}`);
}

async function restorePostgres(url: string, backup: string): Promise<void> {
  if (!fs.existsSync(backup)) throw new ScriptError(`No backup at ${backup}.`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const others = await client.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (Number(others.rows[0]?.n) > 0) throw new ScriptError(`${IN_USE} (${others.rows[0]?.n} other sessions are connected)`);
  } finally {
    await client.end();
  }
  // runPgTool puts --dbname first, without the password (that goes in PGPASSWORD).
  runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', backup], url);
  console.log(`Restored ${backup} into the PostgreSQL database.`);
}

/** Put the backup at `backup` (an absolute path) back as the database. */
export async function restore(database: DatabaseConfig, backup: string): Promise<void> {
  if (!fs.existsSync(backup)) throw new ScriptError(`No backup at ${backup}.`);
  if (database.dialect === 'sqlite') restoreSqlite(database.path, backup);
  else await restorePostgres(database.url, backup);
}

if (require.main === module) {
  Promise.resolve()
    .then(() => {
      const backup = fileArgument('npm run restore -- <file>');
      return restore(databaseFromEnv(), backup);
    })
    .catch((error: unknown) => {
      console.error(error instanceof ScriptError ? `Restore failed: ${error.message}` : error);
      process.exit(1);
    });
}
