import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backup, pgConnection, runPgTool } from '../../api/scripts/backup';
import { restore } from '../../api/scripts/restore';

/**
 * Backups hold password and token hashes: written 0600, and a PostgreSQL password never on a
 * command line (docs/architecture.md#backups). The PostgreSQL tools are stand-ins on PATH that
 * record how they were called, so no server is needed.
 */

let dir: string;
let log: string;
const PATH = process.env.PATH;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-backup-'));
  log = path.join(dir, 'calls.log');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  // Each stand-in writes its arguments, one a line, then the password it was given, then makes its --file.
  const tool = `#!/bin/sh
for a in "$@"; do echo "arg:$a" >> "${log}"; done
echo "PGPASSWORD:\${PGPASSWORD-<unset>}" >> "${log}"
for a in "$@"; do case "$a" in --file=*) echo dump > "\${a#--file=}";; esac; done
`;
  for (const name of ['pg_dump', 'pg_restore']) fs.writeFileSync(path.join(bin, name), tool, { mode: 0o755 });
  process.env.PATH = `${bin}:${PATH}`;
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => {
  process.env.PATH = PATH;
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fs.rmSync(log, { force: true }));

const calls = () => fs.readFileSync(log, 'utf8');
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

test('When a SQLite database is backed up and restored, then the backup and the restored database are readable by their owner only', async () => {
  const source = path.join(dir, 'live.db');
  const db = new Database(source);
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')");
  db.close();
  const target = path.join(dir, 'backups', 'one.backup');
  backup({ dialect: 'sqlite', path: source }, target);
  expect(modeOf(target)).toBe(0o600);
  expect(fs.existsSync(`${target}.partial`)).toBe(false);

  const restored = path.join(dir, 'restored', 'tracker.db');
  await restore({ dialect: 'sqlite', path: restored }, target);
  expect(modeOf(restored)).toBe(0o600);
  const check = new Database(restored, { readonly: true });
  expect(check.prepare('SELECT x FROM t').get()).toEqual({ x: 'kept' });
  check.close();
});

test('When a PostgreSQL database is backed up, then pg_dump gets the URL without its password, the password in PGPASSWORD, and the file is 0600', () => {
  const target = path.join(dir, 'pg.backup');
  backup({ dialect: 'postgres', url: 'postgres://app:S3cret%21pw@db.internal:5432/handover?sslmode=require' }, target);
  const text = calls();
  expect(text.split('\n').filter((l) => l.startsWith('arg:') && l.includes('S3cret'))).toEqual([]);
  expect(text).toContain('arg:--dbname=postgres://app@db.internal:5432/handover?sslmode=require');
  expect(text).toContain('arg:--format=custom');
  expect(text).toContain('PGPASSWORD:S3cret!pw\n');
  expect(modeOf(target)).toBe(0o600);
});

test('When pg_restore is run, or the password is a query parameter, then no argument holds the password', () => {
  runPgTool('pg_restore', ['--single-transaction', '/tmp/some.backup'], 'postgresql://app@db.internal/handover?password=Hunter22&sslmode=disable');
  const text = calls();
  expect(text.split('\n').filter((l) => l.startsWith('arg:') && l.includes('Hunter22'))).toEqual([]);
  expect(text).toContain('arg:--dbname=postgresql://app@db.internal/handover?sslmode=disable');
  expect(text).toContain('PGPASSWORD:Hunter22\n');
});

test('When the URL has no password, then none is set for the tool (libpq may still use ~/.pgpass)', () => {
  expect(pgConnection('postgres://postgres@127.0.0.1:5432/handover')).toEqual({
    dbname: 'postgres://postgres@127.0.0.1:5432/handover',
    env: {},
  });
});
