import { ConfigError } from '../../config';

/**
 * When a failed webhook delivery is tried again.
 *
 * `WEBHOOK_RETRY_SCHEDULE` format: delays separated by commas, then optionally `/` and the window.
 * - A delay or window is a whole number and a unit: `ms`, `s`, `m`, `h` or `d` (`90s`, `2h`).
 * - The n-th delay is the wait after the n-th failed attempt; once the list runs out, the last
 *   delay repeats.
 * - The window (default `24h`) is counted from the first attempt: a retry that would fall after it
 *   is not made, and the delivery is marked failed.
 * Default `8s,1m,5m,30m,2h,6h/24h`: the first retry comes within 10 s even with +20% jitter, then
 * about 1 min, 5 min, 30 min, 2 h and 6 h, then every 6 h until 24 h after the first attempt.
 * Example for tests: `50ms,100ms/1s`.
 */
export type RetrySchedule = { delaysMs: number[]; windowMs: number };

export const DEFAULT_RETRY_SCHEDULE_TEXT = '8s,1m,5m,30m,2h,6h/24h';

/** Each delay is spread by up to ±20%, so deliveries that failed together do not retry together. */
export const JITTER = 0.2;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_WINDOW_MS = 30 * UNIT_MS.d;

function parseDuration(text: string, what: string): number {
  const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new RangeError(`${what} "${text.trim()}" is not a whole number with a unit ms, s, m, h or d (e.g. 30s, 2h)`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms < 1) throw new RangeError(`${what} "${text.trim()}" must be more than zero`);
  return ms;
}

/** Parses the format above; throws RangeError naming the part that is wrong. */
export function parseRetrySchedule(text: string): RetrySchedule {
  const [list = '', window, ...rest] = text.split('/');
  if (rest.length > 0) throw new RangeError('a retry schedule has at most one "/" (before the window)');
  if (list.trim() === '') throw new RangeError('a retry schedule lists at least one delay');
  const delaysMs = list.split(',').map((part) => parseDuration(part, 'the delay'));
  const windowMs = window === undefined ? UNIT_MS.d : parseDuration(window, 'the window');
  if (windowMs > MAX_WINDOW_MS) throw new RangeError('the retry window is at most 30d');
  return { delaysMs, windowMs };
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = parseRetrySchedule(DEFAULT_RETRY_SCHEDULE_TEXT);

export type RetryOptions = {
  /** Off in tests, so attempt times are exact. */
  jitter: boolean;
  schedule?: RetrySchedule;
  /** A number in [0, 1); tests may fix it. */
  random?: () => number;
  /** The receiver's `Retry-After`: the retry waits at least this long (still within the window). */
  retryAfterMs?: number | null;
};

/**
 * When to try again after `attemptsSoFar` failed attempts, the last one ending at `now`; null when
 * that would fall outside the window (give up: the delivery is failed).
 */
export function nextAttemptAt(firstAttemptAt: Date, attemptsSoFar: number, now: Date, options: RetryOptions): Date | null {
  const { delaysMs, windowMs } = options.schedule ?? DEFAULT_RETRY_SCHEDULE;
  if (attemptsSoFar < 1) return firstAttemptAt;
  const base = delaysMs[Math.min(attemptsSoFar, delaysMs.length) - 1]!;
  const spread = options.jitter ? 1 + (2 * (options.random ?? Math.random)() - 1) * JITTER : 1;
  const next = now.getTime() + Math.max(Math.round(base * spread), options.retryAfterMs ?? 0);
  return next - firstAttemptAt.getTime() > windowMs ? null : new Date(next);
}

/** WEBHOOK_RETRY_SCHEDULE parsed at startup: its shape was checked with the rest of the configuration, its values (window at most 30d) here. */
export function configuredRetrySchedule(text: string): RetrySchedule {
  try {
    return parseRetrySchedule(text);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: WEBHOOK_RETRY_SCHEDULE ${(error as Error).message}`);
  }
}
