import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import type { TestApp } from './app';
import { databaseUrl } from './database';
import { ROOT } from './launcher';

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * `npm run import` as its own process on the test app's database, from source through tsx (so the
 * tests need no build); `npm run import` runs the same file compiled to api/dist/cli/import.js.
 */
export function spawnImportCli(t: TestApp, args: string[], stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api/src/cli/import.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl(t.config.database), LOG_LEVEL: 'silent' },
    stdio,
  });
}

/** The CLI run to its end: exit code and output. */
export function runImportCli(t: TestApp, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnImportCli(t, args, ['ignore', 'pipe', 'pipe']);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
