import {
  DEFAULT_RETRY_SCHEDULE,
  nextAttemptAt,
  parseRetrySchedule,
} from '../../../api/src/modules/webhooks/retry-schedule';

const first = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(first.getTime() + ms);
const S = 1_000;
const M = 60 * S;
const H = 60 * M;

/** Every attempt time with instant failures, until the schedule gives up. */
function attempts(options: Parameters<typeof nextAttemptAt>[3]): number[] {
  const times = [0];
  for (let n = 1; n < 100; n += 1) {
    const next = nextAttemptAt(first, n, at(times[times.length - 1]!), options);
    if (next === null) return times;
    times.push(next.getTime() - first.getTime());
  }
  throw new Error('the schedule never gave up');
}

describe('parseRetrySchedule', () => {
  test('When the schedule lists delays and a window, then each is read with its unit', () => {
    expect(parseRetrySchedule('10s,1m,5m,30m,2h,6h')).toEqual({ delaysMs: [10 * S, M, 5 * M, 30 * M, 2 * H, 6 * H], windowMs: 24 * H });
    expect(parseRetrySchedule('50ms, 100ms /1s')).toEqual({ delaysMs: [50, 100], windowMs: S });
    expect(parseRetrySchedule('1d/2d')).toEqual({ delaysMs: [24 * H], windowMs: 48 * H });
  });

  test.each([
    ['', /at least one delay/],
    ['10', /whole number with a unit/],
    ['10x', /whole number with a unit/],
    ['1.5h', /whole number with a unit/],
    ['-5s', /whole number with a unit/],
    ['0s', /more than zero/],
    ['10s,,1m', /whole number with a unit/],
    ['10s/1h/2h', /at most one "\/"/],
    ['10s/31d', /at most 30d/],
  ])('When the schedule is %p, then it is refused', (text, message) => {
    expect(() => parseRetrySchedule(text)).toThrow(message);
  });
});

describe('nextAttemptAt', () => {
  test('When jitter is off, then the default retries within 10 s, then about 1 min, 5 min, 30 min, 2 h, 6 h, every 6 h, and gives up after 24 h', () => {
    const times = attempts({ jitter: false });
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual([8 * S, M, 5 * M, 30 * M, 2 * H, 6 * H, 6 * H, 6 * H]);
    expect(times[times.length - 1]!).toBeLessThanOrEqual(24 * H);
    expect(times[times.length - 1]! + 6 * H).toBeGreaterThan(24 * H);
  });

  test('When the next retry would fall after the window, then it gives up (null)', () => {
    expect(nextAttemptAt(first, 8, at(20 * H + 36 * M + 8 * S), { jitter: false })).toBeNull();
    expect(nextAttemptAt(first, 3, at(23 * H + 56 * M), { jitter: false })).toBeNull();
    expect(nextAttemptAt(first, 3, at(23 * H + 55 * M), { jitter: false })).toEqual(at(24 * H));
  });

  test('When an attempt took time, then the wait counts from when it ended', () => {
    expect(nextAttemptAt(first, 1, at(10 * S), { jitter: false })).toEqual(at(18 * S));
  });

  test('When no attempt was made yet, then the first is due at its own time', () => {
    expect(nextAttemptAt(first, 0, at(5 * S), { jitter: false })).toEqual(first);
  });

  test('When jitter is on, then each delay is spread by at most 20% either way and the first retry stays within 10 s', () => {
    expect(nextAttemptAt(first, 1, first, { jitter: true, random: () => 0 })).toEqual(at(6.4 * S));
    expect(nextAttemptAt(first, 1, first, { jitter: true, random: () => 0.999999 })!.getTime()).toBeLessThan(at(10 * S).getTime());
    expect(nextAttemptAt(first, 2, first, { jitter: true, random: () => 0.5 })).toEqual(at(M));
    for (let i = 0; i < 200; i += 1) {
      const gap = nextAttemptAt(first, 5, first, { jitter: true })!.getTime() - first.getTime();
      expect(gap).toBeGreaterThanOrEqual(0.8 * 2 * H);
      expect(gap).toBeLessThanOrEqual(1.2 * 2 * H);
    }
  });

  test('When the receiver sent Retry-After, then the retry waits at least that long but never past the window', () => {
    expect(nextAttemptAt(first, 1, first, { jitter: false, retryAfterMs: 120 * S })).toEqual(at(120 * S));
    expect(nextAttemptAt(first, 1, first, { jitter: false, retryAfterMs: 1 * S })).toEqual(at(8 * S));
    expect(nextAttemptAt(first, 1, first, { jitter: false, retryAfterMs: 25 * H })).toBeNull();
  });

  test('When a short schedule is given (tests), then it is used instead of the default', () => {
    const schedule = parseRetrySchedule('50ms,100ms/1s');
    expect(attempts({ jitter: false, schedule })).toEqual([0, 50, 150, 250, 350, 450, 550, 650, 750, 850, 950]);
    expect(DEFAULT_RETRY_SCHEDULE.windowMs).toBe(24 * H);
  });
});
