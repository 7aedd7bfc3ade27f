import path from 'node:path';
import { ConfigError, loadConfig } from '../../api/src/config';

const CWD = path.resolve('/srv/handover');

/** The message loadConfig throws for this environment (fails the test when it does not throw). */
function failure(env: Record<string, string>): string {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('defaults', () => {
  test('When nothing is set, then the documented defaults apply (README, configuration)', () => {
    expect(loadConfig({}, CWD)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { dialect: 'sqlite', path: path.join(CWD, 'data/tracker.db') },
      adminEmail: undefined,
      adminPassword: undefined,
      logLevel: 'info',
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      corsOrigins: [],
      trustProxy: false,
      publicUrl: undefined,
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 300_000,
      dashboardDir: undefined,
      importMaxBytes: 200 * 1024 * 1024,
      ingestRateLimit: 600,
      scheduler: true,
      snapshotAt: { weekday: 1, hour: 6, minute: 0 },
      webhookRetrySchedule: '8s,1m,5m,30m,2h,6h/24h',
      webhookRetryJitter: true,
      webhookAllowPrivate: false,
      smtpUrl: undefined,
      smtpFrom: 'Handover <handover@localhost>',
      digestAt: { weekday: 1, hour: 9, minute: 0 },
    });
  });

  test('When a variable is set to the empty string, then it counts as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '', DATABASE_URL: '', ADMIN_EMAIL: '', LOG_LEVEL: '' }, CWD)).toEqual(loadConfig({}, CWD));
  });

  test('When unrelated variables are present, then they are ignored', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'production' }, CWD)).toEqual(loadConfig({}, CWD));
  });
});

describe('good values', () => {
  test('When every variable is set well, then each is parsed into the config', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://app:s3cret@db.internal:5432/handover',
        DATABASE_POOL_SIZE: '4',
        ADMIN_EMAIL: 'Boss@Example.COM',
        ADMIN_PASSWORD: 'correct-horse-battery',
        LOG_LEVEL: 'debug',
        SESSION_IDLE_MINUTES: '15',
        SESSION_MAX_HOURS: '8',
        CORS_ORIGINS: 'https://a.example.com, http://localhost:5173',
        TRUST_PROXY: '1',
        PUBLIC_URL: 'https://handover.example.com/',
        HEADERS_TIMEOUT_SECONDS: '10',
        REQUEST_TIMEOUT_SECONDS: '600',
        DASHBOARD_DIR: '/opt/dashboard',
        IMPORT_MAX_MB: '50',
        INGEST_RATE_LIMIT: '100',
        SCHEDULER: 'off',
        SNAPSHOT_AT: 'tue 7:30',
        SMTP_URL: 'smtps://mailer:pw@mail.example.com:465',
        SMTP_FROM: 'Status <status@example.com>',
        DIGEST_AT: 'tue 10:15',
      },
      CWD,
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      database: { dialect: 'postgres', url: 'postgres://app:s3cret@db.internal:5432/handover', poolSize: 4 },
      adminEmail: 'boss@example.com',
      adminPassword: 'correct-horse-battery',
      logLevel: 'debug',
      sessionIdleMinutes: 15,
      sessionMaxHours: 8,
      corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
      trustProxy: 1,
      publicUrl: 'https://handover.example.com',
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 600_000,
      dashboardDir: '/opt/dashboard',
      importMaxBytes: 50 * 1024 * 1024,
      ingestRateLimit: 100,
      scheduler: false,
      snapshotAt: { weekday: 2, hour: 7, minute: 30 },
      webhookRetrySchedule: '8s,1m,5m,30m,2h,6h/24h',
      webhookRetryJitter: true,
      webhookAllowPrivate: false,
      smtpUrl: 'smtps://mailer:pw@mail.example.com:465',
      smtpFrom: 'Status <status@example.com>',
      digestAt: { weekday: 2, hour: 10, minute: 15 },
    });
  });

  test.each([
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['sqlite:./data/other.db', { dialect: 'sqlite', path: path.join(CWD, 'data/other.db') }],
    ['sqlite:/var/lib/handover.db', { dialect: 'sqlite', path: '/var/lib/handover.db' }],
    ['postgresql://localhost/handover', { dialect: 'postgres', url: 'postgresql://localhost/handover', poolSize: 4 }],
  ])('When DATABASE_URL is %s, then the database is %j', (url, expected) => {
    expect(loadConfig({ DATABASE_URL: url }, CWD).database).toEqual(expected);
  });

  test.each([
    ['false', false],
    ['0', false],
    ['2', 2],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.5, 10.0.1.0/24,loopback', ['10.0.0.5', '10.0.1.0/24', 'loopback']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('When TRUST_PROXY is %j, then Express trusts %j (a hop count or the proxies)', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }, CWD).trustProxy).toEqual(expected);
  });

  test('When PORT is 0 or 65535, then it is accepted', () => {
    expect(loadConfig({ PORT: '0' }, CWD).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }, CWD).port).toBe(65535);
  });
});

describe('bad values', () => {
  test.each([
    ['PORT', 'abc', /port number/],
    ['PORT', '65536', /port number/],
    ['PORT', '-1', /port number/],
    ['PORT', '80.5', /port number/],
    ['DATABASE_URL', 'mysql://localhost/db', /sqlite:<path>.*postgres:\/\//],
    ['DATABASE_URL', 'sqlite:', /sqlite:<path>/],
    ['DATABASE_URL', 'tracker.db', /sqlite:<path>/],
    ['DATABASE_POOL_SIZE', '0', /whole number of connections between 2 and 1000/],
    ['DATABASE_POOL_SIZE', '1', /whole number of connections between 2 and 1000/],
    ['DATABASE_POOL_SIZE', '1001', /whole number of connections between 2 and 1000/],
    ['DATABASE_POOL_SIZE', 'many', /whole number of connections/],
    ['ADMIN_EMAIL', 'not-an-email', /email address/],
    ['ADMIN_PASSWORD', 'short', /at least 8 characters/],
    ['ADMIN_PASSWORD', 'p'.repeat(129), /at most 128 characters/],
    ['LOG_LEVEL', 'loud', /fatal, error, warn, info, debug, trace, silent/],
    ['LOG_LEVEL', 'INFO', /one of/],
    ['SESSION_IDLE_MINUTES', '0', /whole number of minutes/],
    ['SESSION_IDLE_MINUTES', 'half an hour', /whole number of minutes/],
    ['SESSION_MAX_HOURS', '1.5', /whole number of hours/],
    ['CORS_ORIGINS', 'example.com', /origins like https:\/\/example.com/],
    ['CORS_ORIGINS', 'https://ok.example.com,https://bad.example.com/path', /origins/],
    ['TRUST_PROXY', 'yes', /hop count/],
    ['TRUST_PROXY', 'true', /true would believe any X-Forwarded-For/],
    ['TRUST_PROXY', '10.0.0.5,proxy.internal', /list of proxy addresses/],
    ['TRUST_PROXY', '10.0.0.0/33', /list of proxy addresses/],
    ['PUBLIC_URL', 'handover.example.com', /URL like https:\/\//],
    ['HEADERS_TIMEOUT_SECONDS', '0', /whole number of seconds/],
    ['REQUEST_TIMEOUT_SECONDS', 'forever', /whole number of seconds/],
    ['HEADERS_TIMEOUT_SECONDS', '400', /at most REQUEST_TIMEOUT_SECONDS/],
    ['IMPORT_MAX_MB', '0', /whole number of megabytes/],
    ['IMPORT_MAX_MB', '1.5', /whole number of megabytes/],
    ['IMPORT_MAX_MB', '2000000', /at most 1048576 megabytes/],
    ['INGEST_RATE_LIMIT', '0', /whole number of deliveries/],
    ['INGEST_RATE_LIMIT', '2.5', /whole number of deliveries/],
    ['SCHEDULER', 'false', /on or off/],
    ['SNAPSHOT_AT', 'Monday 06:00', /like MON 06:00/],
    ['SNAPSHOT_AT', 'MON 24:00', /like MON 06:00/],
    ['SCHEDULER', 'no', /on or off/],
    ['WEBHOOK_RETRY_SCHEDULE', '10 seconds', /delays like 8s,1m/],
    ['WEBHOOK_RETRY_SCHEDULE', '1s,,2s', /delays like 8s,1m/],
    ['WEBHOOK_RETRY_SCHEDULE', '1s/2h/3h', /delays like 8s,1m/],
    ['WEBHOOK_RETRY_JITTER', 'false', /on or off/],
    ['WEBHOOK_ALLOW_PRIVATE', 'yes', /true or false/],
  ])('When %s is %j, then start-up is refused with one line naming it and what it expects', (name, value, expects) => {
    const message = failure({ [name]: value });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(name);
    expect(message).toMatch(expects);
  });

  test('When the refused value is a password, then the message does not repeat it', () => {
    const message = failure({ ADMIN_PASSWORD: 'hunter2' });
    expect(message).toContain('ADMIN_PASSWORD');
    expect(message).not.toContain('hunter2');
  });

  test('When a refused DATABASE_URL holds credentials, then the message hides the password', () => {
    const message = failure({ DATABASE_URL: 'mysql://app:TopSecret99@db:3306/x' });
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('TopSecret99');
  });

  test('When a refused value contains a newline, then the message stays on one line', () => {
    const message = failure({ HOST: 'localhost', PORT: '30\n00' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('PORT');
  });

  test('When several variables are bad, then each gets its own line naming it', () => {
    const message = failure({ PORT: 'x', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe', HOST: 'fine' });
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('PORT');
    expect(lines[1]).toContain('LOG_LEVEL');
    expect(lines[2]).toContain('TRUST_PROXY');
  });
});
