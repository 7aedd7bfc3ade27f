import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-e2e' };

export type Server = { baseUrl: string; dbPath: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The real server as `npm start` runs it (the built API serving the built dashboard) on a free
 * port, with a fresh SQLite file, or a given database (the demo's) when `dbPath` is passed.
 */
export async function startServer(options: { dbPath?: string } = {}): Promise<Server> {
  const main = path.join(ROOT, 'api/dist/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(ROOT, 'dashboard/dist/index.html'))) {
    throw new Error('Build first: npm run build (npm run test:e2e does it).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-e2e-'));
  const dbPath = options.dbPath ?? path.join(dir, 'e2e.db');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbPath}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dbPath,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.dbPath) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DemoServer = Server & { accounts: Record<string, { email: string; password: string }> };

/**
 * `npm run demo` as a newcomer runs it, but in a scratch folder on a free port, so its
 * ./data/demo.db is fresh and nobody's working copy is touched. The accounts are read from what it prints.
 */
export async function startDemo(): Promise<DemoServer> {
  const demo = path.join(ROOT, 'api/dist/demo.js');
  if (!fs.existsSync(demo)) throw new Error('api/dist/demo.js not found: npm run build first.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-demo-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  const child = spawn(process.execPath, [demo], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 180_000;
  while (!/listening on/i.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm run demo exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The demo did not start within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const accounts: DemoServer['accounts'] = {};
  for (const m of output.matchAll(/^\s+(admin|lead|executive|agency)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) accounts[m[1]!] = { email: m[2]!, password: m[3]! };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dbPath: path.join(dir, 'data/demo.db'),
    accounts,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
