/**
 * npm run backup -- <file>
 *
 * An online, consistent copy of the database named by DATABASE_URL, taken while the server runs.
 * SQLite: `VACUUM INTO` on a separate read-only connection. It reads inside one transaction, so the
 * copy is a snapshot of every commit made before it started; WAL lets the server keep writing
 * meanwhile. The copy is checked (`PRAGMA integrity_check`) and only then moved into place.
 * PostgreSQL: `pg_dump --format=custom` (one repeatable-read snapshot); restore with `npm run restore`.
 * Backups hold every password hash and token hash: they are written readable by their owner only
 * (mode 0600), and a PostgreSQL password goes to the client tools in their environment, never on
 * their command line, where any user of the machine could read it (docs/architecture.md#backups).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig, type DatabaseConfig } from '../src/config';

export class ScriptError extends Error {}

/** The database the server would use, from the same environment variables. */
export function databaseFromEnv(): DatabaseConfig {
  try {
    return loadConfig(process.env, process.cwd()).database;
  } catch (error) {
    if (error instanceof ConfigError) throw new ScriptError(error.message);
    throw error;
  }
}

/** A path given on the command line, relative to where `npm run` was typed. */
export function fileArgument(usage: string): string {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new ScriptError(`Usage: ${usage}`);
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** `PRAGMA integrity_check` of a SQLite file, read-only: "ok" or the problems found. */
export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

export function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Backups and restored databases are readable and writable by their owner only. */
export const PRIVATE_MODE = 0o600;

/** An empty file only its owner may read, for a tool to write into (it keeps the mode). */
export function createPrivate(file: string): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, '', { mode: PRIVATE_MODE, flag: 'wx' });
  fs.chmodSync(file, PRIVATE_MODE);
}

/**
 * A connection URL split for libpq's tools: the URL without its password (as `--dbname`), and the
 * password as PGPASSWORD for the child's environment only. A `password` query parameter counts too.
 */
export function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const fromQuery = parsed.searchParams.get('password');
  const password = parsed.password ? decodeURIComponent(parsed.password) : fromQuery;
  parsed.password = '';
  parsed.searchParams.delete('password');
  return { dbname: parsed.toString(), env: password === null ? {} : { PGPASSWORD: password } };
}

/** Run a PostgreSQL client tool on the database at `url`; its own messages go to the terminal. */
export function runPgTool(tool: string, args: string[], url: string): void {
  const { dbname, env } = pgConnection(url);
  runTool(tool, [`--dbname=${dbname}`, ...args], { ...process.env, ...env });
}

/** Run a tool; its own messages go to the terminal. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(tool, args, { stdio: 'inherit', env });
  if (result.error) throw new ScriptError(`${tool} could not be run: ${result.error.message} (install the PostgreSQL client tools)`);
  if (result.status !== 0) throw new ScriptError(`${tool} failed with exit code ${result.status}`);
}

function backupSqlite(source: string, target: string): void {
  if (source === ':memory:') throw new ScriptError('DATABASE_URL names an in-memory database: there is nothing to back up.');
  if (!fs.existsSync(source)) throw new ScriptError(`No database at ${source} (check DATABASE_URL).`);
  if (path.resolve(source) === target) throw new ScriptError('The backup file must not be the database itself.');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  // VACUUM INTO writes into an empty file that exists, keeping its mode.
  createPrivate(partial);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new ScriptError(`The copy failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }
  const check = integrityOf(partial);
  if (check !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new ScriptError(`The copy failed its integrity check: ${check}`);
  }
  fs.chmodSync(partial, PRIVATE_MODE);
  fsyncPath(partial);
  fs.renameSync(partial, target);
  fsyncPath(path.dirname(target));
  console.log(`Backed up ${source} to ${target} (${fs.statSync(target).size} bytes, integrity ok).`);
}

function backupPostgres(url: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  createPrivate(partial);
  try {
    runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], url);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.chmodSync(partial, PRIVATE_MODE);
  fsyncPath(partial);
  fs.renameSync(partial, target);
  console.log(`Backed up the PostgreSQL database to ${target} (${fs.statSync(target).size} bytes, pg_dump custom format).`);
}

/** Back the database up into `target` (an absolute path). */
export function backup(database: DatabaseConfig, target: string): void {
  if (database.dialect === 'sqlite') backupSqlite(database.path, target);
  else backupPostgres(database.url, target);
}

export function main(): void {
  const target = fileArgument('npm run backup -- <file>');
  backup(databaseFromEnv(), target);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof ScriptError ? `Backup failed: ${error.message}` : error);
    process.exit(1);
  }
}
