import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; url: string };

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
  trustProxy: boolean;
  dashboardDir: string | undefined;
  /** The largest post import accepted, in bytes (IMPORT_MAX_MB). */
  importMaxBytes: number;
};

const positiveInt = (what: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .refine((n) => n >= 1 && Number.isSafeInteger(n), `expected ${what}`);

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
  TRUST_PROXY: z.enum(['true', 'false'], 'expected true or false').default('false'),
  DASHBOARD_DIR: z.string().optional(),
  IMPORT_MAX_MB: positiveInt('a whole number of megabytes, at least 1')
    .refine((n) => n <= 1024 * 1024, 'expected at most 1048576 megabytes')
    .default(200),
});

export class ConfigError extends Error {}

/** How a refused value is echoed: never a password, and a URL without its credentials. */
function shown(name: string, value: unknown): string {
  if (name === 'ADMIN_PASSWORD') return '';
  let text = String(value);
  if (name === 'DATABASE_URL') text = text.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
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
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL, cwd),
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: e.TRUST_PROXY === 'true',
    dashboardDir: e.DASHBOARD_DIR,
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
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
