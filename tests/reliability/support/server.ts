import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../../api/src/config';
import { dialect, freshDatabase } from '../../support/database';
import { late } from '../../support/late';
import { ServerProcess, type LaunchOptions } from '../../support/launcher';

export { ROOT, ServerProcess, sleep, type Exit } from '../../support/launcher';
export { dialect };
export const ADMIN = { email: 'admin@reliability.test', password: 'reliability-admin-password' };

/** A database for real server processes, plus a scratch folder the servers use as TMPDIR. */
export type Store = {
  config: DatabaseConfig;
  /** DATABASE_URL as the server reads it. */
  url: string;
  /** Scratch folder (import spools land here, so a killed server leaves nothing in /tmp). */
  dir: string;
  drop: () => Promise<void>;
};

export async function freshStore(options: { dialect?: DatabaseConfig['dialect'] } = {}): Promise<Store> {
  const database = await freshDatabase(options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-reliability-'));
  return {
    config: database.config,
    url: database.url,
    dir,
    drop: async () => {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type StartOptions = Pick<LaunchOptions, 'env' | 'preload' | 'nodeArgs' | 'port' | 'entry' | 'readyOutput'>;

/**
 * `node api/dist/main.js` on the store, as `npm start` runs it, with nothing from the runner's
 * environment but PATH and HOME; ready once it has logged that it listens and /health answers.
 */
export async function startServer(store: Store, options: StartOptions = {}): Promise<ServerProcess> {
  const server = await ServerProcess.launch({
    ...options,
    baseEnv: 'minimal',
    databaseUrl: store.url,
    env: { TMPDIR: store.dir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...options.env },
    readyOutput: options.readyOutput ?? /Handover listening on/,
    stopGraceMs: 30_000,
  });
  started.add(server);
  return server;
}

/** Servers started in this test file, so setupStore's afterAll can kill any a failed test left running. */
const started = new Set<ServerProcess>();

/** A fresh store for this test file (beforeAll); afterwards every server started on it is killed and the store dropped. */
export function setupStore(): Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await freshStore();
  });
  afterAll(async () => {
    await Promise.all([...started].map((server) => server.kill()));
    await store?.drop();
  });
  return late(() => store, 'the store');
}
