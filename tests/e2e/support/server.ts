import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ServerProcess } from '../../support/launcher';

export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-e2e' };

export type Server = { baseUrl: string; dbPath: string; stop: () => Promise<void> };

/** SIGTERM, five seconds' grace, then SIGKILL; the scratch folder goes with it. */
function stopper(server: ServerProcess, scratch: string | null): () => Promise<void> {
  return async () => {
    await server.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  };
}

/**
 * The real server as `npm start` runs it (the built API serving the built dashboard) on a free
 * port, with a fresh SQLite file, or a given database (the demo's) when `dbPath` is passed; `env`
 * adds settings (e.g. SCHEDULER=on for a test that needs the webhook dispatcher).
 */
export async function startServer(options: { dbPath?: string; env?: Record<string, string> } = {}): Promise<Server> {
  if (!fs.existsSync(path.join(ROOT, 'dashboard/dist/index.html'))) throw new Error('Build first: npm run build (npm run test:e2e does it).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-e2e-'));
  const dbPath = options.dbPath ?? path.join(dir, 'e2e.db');
  const server = await ServerProcess.launch({
    databaseUrl: `sqlite:${dbPath}`,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...options.env },
    startTimeoutMs: 30_000,
    stopGraceMs: 5_000,
  });
  return { baseUrl: server.url, dbPath, stop: stopper(server, options.dbPath ? null : dir) };
}

export type DemoServer = Server & { accounts: Record<string, { email: string; password: string }> };

/**
 * `npm run demo` as a newcomer runs it, but in a scratch folder on a free port, so its
 * ./data/demo.db is fresh and nobody's working copy is touched. The accounts are read from what it prints.
 */
export async function startDemo(): Promise<DemoServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-demo-'));
  const server = await ServerProcess.launch({
    entry: path.join(ROOT, 'api/dist/demo.js'),
    cwd: dir,
    env: { DATABASE_URL: undefined, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined },
    readyOutput: /listening on/i,
    readyPath: null,
    startTimeoutMs: 180_000,
    stopGraceMs: 5_000,
  });
  const accounts: DemoServer['accounts'] = {};
  for (const m of server.output().matchAll(/^\s+(admin|lead|executive|agency)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) accounts[m[1]!] = { email: m[2]!, password: m[3]! };
  return { baseUrl: server.url, dbPath: path.join(dir, 'data/demo.db'), accounts, stop: stopper(server, dir) };
}
