import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { createApp, type Services } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import type { Clock } from './core/clock';
import { openDatabase, type Db } from './db/data-source';
import { answerClientErrors } from './http/client-errors';
import { createLogger } from './logger';

const HOUSEKEEPING_MS = 60 * 60 * 1000;

export type ServerOptions = {
  /** Adjust the configuration read from the environment (the demo points it at its own database). */
  configure?: (config: Config) => Config;
  /** Runs after migrations and before listening. */
  beforeListen?: (ctx: { app: Express; db: Db; services: Services; config: Config }) => Promise<void>;
  /** The app's clock (default: the system clock); the demo records its story at past moments through it. */
  clock?: Clock;
};

/** config → database → migrations → app → first admin → listen → graceful shutdown. */
export async function runServer(options: ServerOptions = {}): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (options.configure) config = options.configure(config);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database);
  const { app, services } = createApp({ db, config, logger, clock: options.clock });

  const admin = await services.auth.bootstrapAdmin();
  if (admin?.generatedPassword) {
    console.log(`\nFirst administrator created: ${admin.email}\nPassword (shown once): ${admin.generatedPassword}\n`);
  } else if (admin) {
    console.log(`First administrator created: ${admin.email} (password from ADMIN_PASSWORD)`);
  }
  // Rows of an import a killed process left behind are hidden; delete them before serving (docs/domain.md#imports).
  const abandoned = await services.posts.cleanUpImports();
  if (abandoned) logger.info({ abandoned }, 'discarded the rows of abandoned imports');
  if (options.beforeListen) await options.beforeListen({ app, db, services, config });

  // Weekly snapshots and whatever else is scheduled; SCHEDULER=off leaves them to another process.
  if (config.scheduler) services.scheduler.start();

  const server = createHttpServer(app, config);
  server.listen(config.port, config.host, () => {
    const where = config.database.dialect === 'sqlite' ? config.database.path : 'PostgreSQL';
    console.log(`Handover listening on http://${config.host}:${config.port} (database: ${where})`);
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  });

  // Housekeeping: dead sessions, day-old idempotency keys, closed sign-in counters, abandoned imports, expired uploads, month-old webhook events and digests are deleted hourly.
  const housekeeping = setInterval(() => {
    const work = [services.auth.purgeExpiredSessions(), services.idempotency.purgeExpired(), services.auth.purgeClosedLimits(), services.posts.cleanUpImports(), services.webhookDispatcher.purge(), services.imports.purgeExpired(), services.digestSender.purge()];
    Promise.all(work).catch((error: unknown) =>
      logger.warn({ err: error }, 'housekeeping failed'),
    );
  }, HOUSEKEEPING_MS);
  housekeeping.unref();
  // Webhook deliveries: after each commit that wrote an event, and on a timer (docs/domain.md#webhooks).
  if (config.scheduler) services.webhookDispatcher.start();
  // Weekly digest email, from DIGEST_AT on, with retries (docs/domain.md#email-digest); nothing without SMTP_URL.
  if (config.scheduler) services.digestSender.start();
  // gate.changed: a debounced check after each commit that can move a gate (docs/domain.md#webhooks).
  if (config.scheduler) services.gates.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(housekeeping);
    // No new run starts; one in progress finishes before the database closes.
    const schedulerStopped = services.scheduler.stop();
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server.close(async () => {
      await schedulerStopped;
      await services.gates.stop();
      await services.webhookDispatcher.stop();
      await services.digestSender.stop();
      await db.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn('in-flight requests did not finish in 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * The HTTP server with its time limits: all header fields within `headersTimeoutMs`, the whole
 * request (an upload included) within `requestTimeoutMs`, else 408 and the connection closes. Node
 * looks for late requests on an interval, set to a fraction of the header limit so it is kept.
 */
export function createHttpServer(app: Express, config: Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs'>): Server {
  const server = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(config.headersTimeoutMs / 4))),
    },
    app,
  );
  answerClientErrors(server);
  return server;
}

export function fail(error: unknown): never {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
