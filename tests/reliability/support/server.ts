import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../../api/src/config';
import { dialect, freshDatabase } from '../../support/database';

export const ROOT = path.resolve(__dirname, '../../..');
export const MAIN = path.join(ROOT, 'api/dist/main.js');
export const ADMIN = { email: 'admin@reliability.test', password: 'reliability-admin-password' };
export { dialect };

/** A database for real server processes, plus a scratch folder the servers use as TMPDIR. */
export type Store = {
  config: DatabaseConfig;
  /** DATABASE_URL as the server reads it. */
  url: string;
  /** Scratch folder (import spools land here, so a killed server leaves nothing in /tmp). */
  dir: string;
  drop: () => Promise<void>;
};

export async function freshStore(): Promise<Store> {
  const database = await freshDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-reliability-'));
  const url = database.config.dialect === 'sqlite' ? `sqlite:${database.config.path}` : database.config.url;
  return {
    config: database.config,
    url,
    dir,
    drop: async () => {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type StartOptions = {
  env?: Record<string, string>;
  /** Modules preloaded with `node -r` (test probes such as the GC hook). */
  preload?: string[];
  nodeArgs?: string[];
  port?: number;
};

/** `node api/dist/main.js` on loopback, as `npm start` runs it, with its output captured. */
export class ServerProcess {
  readonly output: string[] = [];
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 2000) this.output.splice(0, 1000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exit === null;
  }

  text(): string {
    return this.output.join('');
  }

  static async start(store: Store, options: StartOptions = {}): Promise<ServerProcess> {
    const port = options.port ?? (await freePort());
    const args = [...(options.nodeArgs ?? []), ...(options.preload ?? []).flatMap((p) => ['-r', p]), MAIN];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.homedir(),
        TMPDIR: store.dir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: store.url,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    });
    const server = new ServerProcess(child, port);
    await server.ready();
    return server;
  }

  /** Resolves once the server answers /health; fails with its output if it exits first. */
  private async ready(): Promise<void> {
    for (let attempt = 0; attempt < 600; attempt++) {
      if (!this.running) throw new Error(`server exited during start-up (${JSON.stringify(this.exit)}):\n${this.text()}`);
      if (this.text().includes('Handover listening on')) {
        try {
          const res = await fetch(`${this.url}/api/v1/health`);
          if (res.status === 200) return;
        } catch {
          // not accepting yet
        }
      }
      await sleep(100);
    }
    this.child.kill('SIGKILL');
    throw new Error(`server did not become ready:\n${this.text()}`);
  }

  /** SIGKILL: no handler runs, no buffer is flushed, no transaction is finished. */
  async kill(): Promise<Exit> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM and wait for the exit (graceful shutdown). */
  async stop(): Promise<Exit> {
    if (this.running) this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([this.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 30_000)))]);
    clearTimeout(timer);
    if (exit) return exit;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  /** Resident set size in bytes, from /proc. */
  rss(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return Number(kb) * 1024;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
