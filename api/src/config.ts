import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_DIGEST_AT, DEFAULT_SNAPSHOT_AT, parseWeeklyAt, type WeeklyAt } from '@handover/shared';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; url: string; poolSize?: number };

/**
 * Connections each process keeps to PostgreSQL unless DATABASE_POOL_SIZE says otherwise: what
 * measured best (docs/performance.md#the-pool). Two at least: start-up holds one for the migration
 * lock while the migrations run on another.
 */
export const DEFAULT_POOL_SIZE = 4;

export type Config = {
  port: number;
  host: string;
  database: DatabaseConfig;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  corsOrigins: string[];
  /** Express's `trust proxy`: off, a hop count, or the proxies' addresses (docs/architecture.md#behind-a-proxy). */
  trustProxy: TrustProxy;
  /** The origin the dashboard is served at when it is not the request's own host (the Origin check). */
  publicUrl: string | undefined;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  dashboardDir: string | undefined;
  /** The largest post import accepted, in bytes (IMPORT_MAX_MB). */
  importMaxBytes: number;
  /** Deliveries one ingest secret may make in fifteen minutes (docs/domain.md#receivers-and-ingest-secrets). */
  ingestRateLimit: number;
  /** Whether the in-process scheduler runs (SCHEDULER=off leaves scheduled jobs to `runDueJobs`). */
  scheduler: boolean;
  /** When the weekly snapshot is taken (SNAPSHOT_AT, default MON 06:00 UTC); docs/domain.md#status-over-time. */
  snapshotAt: WeeklyAt;
  /** SCHEDULER=off: no in-process timers (webhook dispatch); tests run due work themselves. */
  /** WEBHOOK_RETRY_SCHEDULE as written; parsed by modules/webhooks/retry-schedule.ts (docs/domain.md#webhooks). */
  webhookRetrySchedule: string;
  /** WEBHOOK_RETRY_JITTER=off makes retry times exact (tests). */
  webhookRetryJitter: boolean;
  /** WEBHOOK_ALLOW_PRIVATE=true lets webhooks post to private and loopback addresses (tests, trusted networks). */
  webhookAllowPrivate: boolean;
  /** Where email goes out (SMTP_URL, e.g. smtp://mail:25); undefined: no email is ever attempted (docs/domain.md#email-digest). */
  smtpUrl: string | undefined;
  /** The From of every email (SMTP_FROM). */
  smtpFrom: string;
  /** When the weekly digest goes out (DIGEST_AT, default MON 09:00 UTC). */
  digestAt: WeeklyAt;
};

export type TrustProxy = false | number | string[];

const positiveInt = (what: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .refine((n) => n >= 1 && Number.isSafeInteger(n), `expected ${what}`);

// The shape of a retry schedule; its values (at most 30d, more than zero) are checked where it is parsed.
const DURATION = String.raw`\s*\d{1,9}(?:ms|s|m|h|d)\s*`;
const RETRY_SCHEDULE = new RegExp(`^${DURATION}(?:,${DURATION})*(?:/${DURATION})?$`);

const TRUST_PROXY_EXPECTED =
  'expected false, a hop count (e.g. 1) or a comma-separated list of proxy addresses (e.g. 10.0.0.5,10.0.1.0/24); ' +
  'true would believe any X-Forwarded-For a client sends';

/** An address, a CIDR range, or one of the names proxy-addr knows. */
function isProxyAddress(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address = '', bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

function trustProxy(value: string): TrustProxy {
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((a) => a.trim());
}

const EnvSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'expected a port number between 0 and 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'expected a port number between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'expected a host name or address').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => v === '' || /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
      'expected sqlite:<path>, sqlite::memory: or postgres://user@host:port/database',
    )
    .optional(),
  DATABASE_POOL_SIZE: positiveInt('a whole number of connections between 2 and 1000')
    .refine((n) => n >= 2 && n <= 1000, 'expected a whole number of connections between 2 and 1000')
    .default(DEFAULT_POOL_SIZE),
  ADMIN_EMAIL: z.email('expected an email address').optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(8, 'expected a password of at least 8 characters')
    .max(128, 'expected a password of at most 128 characters')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`).default('info'),
  SESSION_IDLE_MINUTES: positiveInt('a whole number of minutes, at least 1').default(30),
  SESSION_MAX_HOURS: positiveInt('a whole number of hours, at least 1').default(12),
  CORS_ORIGINS: z
    .string()
    .refine(
      (v) => v.split(',').every((o) => o.trim() === '' || /^https?:\/\/[^/\s]+$/.test(o.trim())),
      'expected a comma-separated list of origins like https://example.com',
    )
    .default(''),
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => v === 'false' || /^\d{1,2}$/.test(v) || v.split(',').every((a) => isProxyAddress(a.trim())),
      TRUST_PROXY_EXPECTED,
    )
    .default('false'),
  PUBLIC_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'expected a URL like https://handover.example.com')
    .optional(),
  HEADERS_TIMEOUT_SECONDS: positiveInt('a whole number of seconds, at least 1').default(20),
  REQUEST_TIMEOUT_SECONDS: positiveInt('a whole number of seconds, at least 1').default(300),
  DASHBOARD_DIR: z.string().optional(),
  IMPORT_MAX_MB: positiveInt('a whole number of megabytes, at least 1')
    .refine((n) => n <= 1024 * 1024, 'expected at most 1048576 megabytes')
    .default(200),
  INGEST_RATE_LIMIT: positiveInt('a whole number of deliveries, at least 1').default(600),
  SCHEDULER: z.enum(['on', 'off'], 'expected on or off').default('on'),
  SNAPSHOT_AT: z
    .string()
    .refine((v) => weeklyAtError(v) === null, 'expected a weekday and a UTC time like MON 06:00 (days MON to SUN)')
    .default(DEFAULT_SNAPSHOT_AT),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .regex(RETRY_SCHEDULE, 'expected delays like 8s,1m,5m,30m,2h,6h and optionally /<window> (e.g. 8s,1m,5m/24h)')
    .default('8s,1m,5m,30m,2h,6h/24h'),
  WEBHOOK_RETRY_JITTER: z.enum(['on', 'off'], 'expected on or off').default('on'),
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false'], 'expected true or false').default('false'),
  SMTP_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol), 'expected a URL like smtp://mail.example.com:587 or smtps://user:pass@mail.example.com')
    .optional(),
  SMTP_FROM: z.string().min(3, 'expected an address like Handover <handover@example.com>').default('Handover <handover@localhost>'),
  DIGEST_AT: z
    .string()
    .refine((v) => weeklyAtError(v) === null, 'expected a weekday and a UTC time like MON 09:00 (days MON to SUN)')
    .default(DEFAULT_DIGEST_AT),
});

function weeklyAtError(value: string): string | null {
  try {
    parseWeeklyAt(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export class ConfigError extends Error {}


/** How a refused value is echoed: never a password, and a URL without its credentials. */
function shown(name: string, value: unknown): string {
  if (name === 'ADMIN_PASSWORD') return '';
  let text = String(value);
  if (name === 'DATABASE_URL' || name === 'SMTP_URL') text = text.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
  if (text.length > 80) text = `${text.slice(0, 80)}...`;
  return ` (got ${JSON.stringify(text)})`;
}

/**
 * The only reader of process.env. Throws ConfigError with one line per bad variable, naming it
 * and what it expects.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings count as unset, as shells often export VAR= by accident.
  const cleaned: Record<string, string> = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (!lines.has(name)) {
        lines.set(name, `Invalid configuration: ${name} ${issue.message}${shown(name, cleaned[name])}`);
      }
    }
    throw new ConfigError([...lines.values()].join('\n'));
  }
  const e = parsed.data;
  if (e.HEADERS_TIMEOUT_SECONDS > e.REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError(
      `Invalid configuration: HEADERS_TIMEOUT_SECONDS expected at most REQUEST_TIMEOUT_SECONDS (${e.REQUEST_TIMEOUT_SECONDS}) (got "${e.HEADERS_TIMEOUT_SECONDS}")`,
    );
  }
  if (e.SMTP_URL && !e.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration: PUBLIC_URL expected when SMTP_URL is set (links in email are built from it)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: withPoolSize(parseDatabaseUrl(e.DATABASE_URL, cwd), e.DATABASE_POOL_SIZE),
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: trustProxy(e.TRUST_PROXY),
    publicUrl: e.PUBLIC_URL === undefined ? undefined : new URL(e.PUBLIC_URL).origin,
    headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    dashboardDir: e.DASHBOARD_DIR,
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    ingestRateLimit: e.INGEST_RATE_LIMIT,
    scheduler: e.SCHEDULER === 'on',
    snapshotAt: parseWeeklyAt(e.SNAPSHOT_AT),
    webhookRetrySchedule: e.WEBHOOK_RETRY_SCHEDULE,
    webhookRetryJitter: e.WEBHOOK_RETRY_JITTER === 'on',
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === 'true',
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    digestAt: parseWeeklyAt(e.DIGEST_AT),
  };
}

export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', path: path.resolve(cwd, 'data/tracker.db') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return { dialect: 'sqlite', path: file === ':memory:' ? ':memory:' : path.resolve(cwd, file) };
  }
  return { dialect: 'postgres', url };
}

/** DATABASE_POOL_SIZE applies to PostgreSQL only: SQLite has one connection. */
function withPoolSize(database: DatabaseConfig, poolSize: number): DatabaseConfig {
  return database.dialect === 'postgres' ? { ...database, poolSize } : database;
}
