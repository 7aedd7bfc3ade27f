import 'reflect-metadata';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApp, type App, type Services } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import { openDatabase, type Db } from '../../api/src/db/data-source';
import { hashPassword } from '../../api/src/modules/auth/password';
import { insertUser } from '../../api/src/db/repositories/users.repository';
import { TestClock } from './clock';
import { late } from './late';
import { freshDatabase } from './database';

export type TestUser = { id: string; email: string; password: string; token: string };

export type TestApp = {
  app: Express;
  db: Db;
  config: Config;
  clock: TestClock;
  services: Services;
  openapi: unknown;
  /** The app's scheduled jobs due at `now` (docs/domain.md#status-over-time): tests drive the scheduler through it. */
  runDueJobs: App['runDueJobs'];
  close: () => Promise<void>;
  /** A user created directly in the database and signed in through the API. */
  user: (options?: { isAdmin?: boolean; email?: string; name?: string }) => Promise<TestUser>;
  /** Supertest bound to the app, with a bearer token when given. */
  as: (token?: string) => Requester;
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Requester = Record<Method, (url: string) => request.Test>;

let counter = 0;
const PASSWORD = 'correct-horse-battery';

/** Hash once per process: argon2 at OWASP strength is deliberately slow. */
let passwordHash: Promise<string> | undefined;

export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), database: database.config };
  const db = await openDatabase(config.database);
  const clock = new TestClock();
  const { app, services, openapi, runDueJobs } = createApp({ db, config, clock, logger: pino({ level: 'silent' }) });

  const as = (token?: string): Requester => {
    const agent = request(app);
    const wrap = (method: Method) => (url: string) => {
      const t = agent[method](url);
      return token ? t.set('Authorization', `Bearer ${token}`) : t;
    };
    return { get: wrap('get'), post: wrap('post'), put: wrap('put'), patch: wrap('patch'), delete: wrap('delete') };
  };

  const user: TestApp['user'] = async (options = {}) => {
    counter += 1;
    const email = options.email ?? `user${counter}-${Date.now()}@example.com`;
    passwordHash ??= hashPassword(PASSWORD);
    const hash = await passwordHash;
    const created = await db.write((m) =>
      insertUser(m, { email, name: options.name ?? `User ${counter}`, passwordHash: hash, isAdmin: options.isAdmin ?? false }, clock.now()),
    );
    const res = await request(app).post('/api/v1/auth/login').send({ email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: created.id, email, password: PASSWORD, token: res.body.token as string };
  };

  return {
    app,
    db,
    config,
    clock,
    services,
    openapi,
    runDueJobs,
    user,
    as,
    close: async () => {
      await db.close();
      await database.drop();
    },
  };
}

/**
 * Start an app for this test file (beforeAll) and close it after (afterAll). Returns a stand-in
 * that forwards to the app once it has started, so tests use it like the app itself. `now` fixes
 * the clock.
 */
export function setupApp(options: { now?: string; env?: Record<string, string> } = {}): TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startApp(options.env);
    if (options.now) app.clock.set(options.now);
  });
  afterAll(async () => app?.close());
  return late(() => app, 'the test app');
}
