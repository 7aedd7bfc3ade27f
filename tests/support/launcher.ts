import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// The one way suites start a server process: the browser suite, the reliability suites, the
// two-process scale test and the benchmark all run the API as `npm start` does, on loopback and a
// free port, and differ only in the options below.

export const ROOT = path.resolve(__dirname, '../..');
export const API_MAIN = path.join(ROOT, 'api/dist/main.js');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type LaunchOptions = {
  /** The script to run: the built API unless told otherwise; a `.ts` file runs through tsx. */
  entry?: string;
  /** Node flags before the script (e.g. `--expose-gc`). */
  nodeArgs?: string[];
  /** Modules preloaded with `node -r` (test probes such as the GC hook). */
  preload?: string[];
  /** DATABASE_URL as the server reads it (`sqlite:/path` or `postgres://...`). */
  databaseUrl?: string;
  /** Set on top of the base environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /**
   * `inherit`: the runner's environment (default). `minimal`: only PATH and HOME, so nothing from
   * the shell (a DATABASE_URL, a LOG_LEVEL) leaks into a server whose behaviour is being measured.
   */
  baseEnv?: 'inherit' | 'minimal';
  cwd?: string;
  /** A fixed port (a restart on the same address); a free one otherwise. */
  port?: number;
  /** Started once this path answers 200; null to rely on `readyOutput` alone. */
  readyPath?: string | null;
  /** Started once the output matches this too (checked before the path). */
  readyOutput?: RegExp;
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before it kills. */
  stopGraceMs?: number;
};

/** The last this-many characters of a server's output are kept, for failure messages and probes. */
const OUTPUT_LIMIT = 1 << 20;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function environment(options: LaunchOptions, port: number): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv =
    options.baseEnv === 'minimal' ? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() } : { ...process.env };
  // The scheduler is off unless a suite turns it on: a weekly snapshot taken at start would add
  // writes (and work) that a suite or a measurement did not ask for (docs/domain.md#status-over-time).
  const env: NodeJS.ProcessEnv = { ...base, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SCHEDULER: 'off' };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** A server child process with its output captured; see `launch`. */
export class ServerProcess {
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;
  private captured = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    private readonly stopGraceMs: number,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    const keep = (chunk: Buffer) => {
      this.captured += chunk.toString('utf8');
      if (this.captured.length > 2 * OUTPUT_LIMIT) this.captured = this.captured.slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Start a server and resolve once it is ready; fails with its output if it exits or hangs first. */
  static async launch(options: LaunchOptions = {}): Promise<ServerProcess> {
    const entry = options.entry ?? API_MAIN;
    if (!fs.existsSync(entry)) throw new Error(`${path.relative(ROOT, entry)} not found: build first (npm run build).`);
    const port = options.port ?? (await freePort());
    const args = [
      ...(options.nodeArgs ?? []),
      ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      ...(options.preload ?? []).flatMap((p) => ['-r', p]),
      entry,
    ];
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: environment(options, port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, port, options.stopGraceMs ?? 15_000);
    await server.ready(options);
    return server;
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

  /** What the server has printed (stdout and stderr interleaved), the last megabyte or so. */
  output(): string {
    return this.captured;
  }

  private async ready(options: LaunchOptions): Promise<void> {
    const readyPath = options.readyPath === undefined ? '/api/v1/health' : options.readyPath;
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A process that only has to say it is ready (no HTTP) may already have done its work and exited.
      if (readyPath === null && options.readyOutput?.test(this.output())) return;
      if (!this.running) throw new Error(`The server exited during start-up (${JSON.stringify(this.exit)}):\n${this.output()}`);
      if (!options.readyOutput || options.readyOutput.test(this.output())) {
        if (readyPath === null) return;
        const status = await fetch(`${this.url}${readyPath}`).then(
          (res) => res.status,
          () => 0, // not accepting yet
        );
        if (status === 200) return;
      }
      if (Date.now() > deadline) {
        this.child.kill('SIGKILL');
        throw new Error(`The server did not become ready within ${timeoutMs / 1000} s:\n${this.output()}`);
      }
      await sleep(100);
    }
  }

  /** SIGKILL: no handler runs, no buffer is flushed, no transaction is finished. */
  async kill(): Promise<Exit> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM and wait for the graceful shutdown; killed if it takes longer than the grace period. */
  async stop(): Promise<Exit> {
    if (this.running) this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([this.exited, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.stopGraceMs)))]);
    clearTimeout(timer);
    if (exit) return exit;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  /** Current (VmRSS) and peak (VmHWM) resident set size in bytes, from /proc (Linux). */
  memory(): { current: number; peak: number } {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { current: kb('VmRSS'), peak: kb('VmHWM') };
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Build when api/dist is missing or older than the API's or shared's sources: shared and the API,
 * or the whole tree (`npm run build`, the dashboard too) when `all` is set.
 */
export function buildIfStale(options: { all?: boolean; log?: (line: string) => void } = {}): void {
  const built = fs.existsSync(API_MAIN) ? fs.statSync(API_MAIN).mtimeMs : 0;
  if (built >= Math.max(newestMtime(path.join(ROOT, 'api/src')), newestMtime(path.join(ROOT, 'shared/src')))) return;
  const steps = options.all ? [['run', 'build']] : [['run', 'build', '-w', 'shared'], ['run', 'build', '-w', 'api']];
  for (const args of steps) {
    options.log?.(`npm ${args.join(' ')} ...`);
    const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
}
