import {
  DEFAULT_DIGEST_AT,
  DEFAULT_SNAPSHOT_AT,
  MAX_BACKFILL_WEEKS,
  dueWeeklySnapshots,
  isDue,
  latestDueWeek,
  missingWeeks,
  occurrenceInWeek,
  parseWeeklyAt,
  weekEnd,
} from '../../../api/src/modules/snapshots/schedule';

// Fixed clocks around Monday 2026-03-02 (weeks start 2026-02-23, 2026-03-02, 2026-03-09).
const t = (iso: string) => new Date(iso);
const snapshotAt = parseWeeklyAt(DEFAULT_SNAPSHOT_AT);
const digestAt = parseWeeklyAt(DEFAULT_DIGEST_AT);
const planStart = '2025-06-11'; // a Wednesday, long before

describe('parseWeeklyAt', () => {
  test('When the text is a day and a UTC time, then it is read (any case, one- or two-digit hour)', () => {
    expect(snapshotAt).toEqual({ weekday: 1, hour: 6, minute: 0 });
    expect(digestAt).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(parseWeeklyAt('sun 23:59')).toEqual({ weekday: 7, hour: 23, minute: 59 });
    expect(parseWeeklyAt(' Tue 7:30 ')).toEqual({ weekday: 2, hour: 7, minute: 30 });
  });

  test.each(['MONDAY 06:00', 'MON', '06:00', 'MON 24:00', 'MON 06:60', 'XYZ 06:00', 'MON 6', 'MON 06:00Z'])(
    'When the text is %p, then it is refused with the expected format',
    (text) => {
      expect(() => parseWeeklyAt(text)).toThrow(/like MON 06:00/);
    },
  );
});

describe('isDue and latestDueWeek', () => {
  test('When it is Monday just before 06:00 UTC, then this week’s snapshot is not due and the latest due week is the week before last', () => {
    const now = t('2026-03-02T05:59:59.999Z');
    expect(isDue(now, snapshotAt)).toBe(false);
    expect(latestDueWeek(now, snapshotAt)).toBe('2026-02-16');
  });

  test('When it is Monday 06:00 UTC exactly or later in the week, then last week’s snapshot is due', () => {
    for (const iso of ['2026-03-02T06:00:00.000Z', '2026-03-02T23:00:00.000Z', '2026-03-04T12:00:00.000Z', '2026-03-08T23:59:59.999Z']) {
      expect(isDue(t(iso), snapshotAt)).toBe(true);
      expect(latestDueWeek(t(iso), snapshotAt)).toBe('2026-02-23');
    }
  });

  test('When it is Sunday late, then the week that is ending is not yet due', () => {
    expect(latestDueWeek(t('2026-03-01T23:59:59.000Z'), snapshotAt)).toBe('2026-02-16');
  });

  test('When the digest time is 09:00, then at 08:00 the snapshot is due but the digest is not', () => {
    const now = t('2026-03-02T08:00:00.000Z');
    expect(isDue(now, snapshotAt)).toBe(true);
    expect(isDue(now, digestAt)).toBe(false);
    expect(isDue(t('2026-03-02T09:00:00.000Z'), digestAt)).toBe(true);
  });

  test('When the run is set later in the week, then it still reports on the week that ended before it', () => {
    const wednesday = parseWeeklyAt('WED 12:00');
    expect(occurrenceInWeek('2026-03-02', wednesday)).toEqual(t('2026-03-04T12:00:00.000Z'));
    expect(latestDueWeek(t('2026-03-03T12:00:00.000Z'), wednesday)).toBe('2026-02-16');
    expect(latestDueWeek(t('2026-03-04T12:00:00.000Z'), wednesday)).toBe('2026-02-23');
  });

  test('When a weekly snapshot is taken, then its summary is as of the Sunday ending its week', () => {
    expect(weekEnd('2026-02-23')).toBe('2026-03-01');
  });
});

describe('dueWeeklySnapshots', () => {
  test('When last week was already taken, then nothing is due', () => {
    expect(dueWeeklySnapshots(t('2026-03-02T07:00:00.000Z'), '2026-02-23', planStart)).toEqual([]);
  });

  test('When the run time comes on Monday, then exactly last week is due', () => {
    expect(dueWeeklySnapshots(t('2026-03-02T05:59:00.000Z'), '2026-02-16', planStart)).toEqual([]);
    expect(dueWeeklySnapshots(t('2026-03-02T06:00:00.000Z'), '2026-02-16', planStart)).toEqual(['2026-02-23']);
  });

  test('When the process was down on Monday and starts on Thursday, then last week is caught up at start', () => {
    expect(dueWeeklySnapshots(t('2026-03-05T10:00:00.000Z'), '2026-02-16', planStart)).toEqual(['2026-02-23']);
  });

  test('When several weeks were missed, then only the last week is due unless backfilling, which lists every missing week', () => {
    const now = t('2026-03-02T06:30:00.000Z');
    expect(dueWeeklySnapshots(now, '2026-01-26', planStart)).toEqual(['2026-02-23']);
    expect(dueWeeklySnapshots(now, '2026-01-26', planStart, { backfill: true })).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
  });

  test('When the plan has no snapshot yet, then only last week is due, and backfill starts at the plan’s first week', () => {
    const now = t('2026-03-02T06:30:00.000Z');
    expect(dueWeeklySnapshots(now, null, '2026-02-11')).toEqual(['2026-02-23']);
    expect(dueWeeklySnapshots(now, null, '2026-02-11', { backfill: true })).toEqual(['2026-02-09', '2026-02-16', '2026-02-23']);
  });

  test('When the plan starts this week or last week is before its start, then nothing is due', () => {
    expect(dueWeeklySnapshots(t('2026-03-02T06:30:00.000Z'), null, '2026-03-02')).toEqual([]);
    expect(dueWeeklySnapshots(t('2026-03-02T06:30:00.000Z'), null, '2026-04-01')).toEqual([]);
    // A plan starting on the Sunday of last week has that week.
    expect(dueWeeklySnapshots(t('2026-03-02T06:30:00.000Z'), null, '2026-03-01')).toEqual(['2026-02-23']);
  });

  test('When a custom run time is given, then it decides', () => {
    const at = parseWeeklyAt('TUE 00:00');
    expect(dueWeeklySnapshots(t('2026-03-02T23:00:00.000Z'), '2026-02-16', planStart, { at })).toEqual([]);
    expect(dueWeeklySnapshots(t('2026-03-03T00:00:00.000Z'), '2026-02-16', planStart, { at })).toEqual(['2026-02-23']);
  });
});

describe('missingWeeks', () => {
  test('When some weeks exist, then only the gaps are listed, oldest first', () => {
    expect(missingWeeks('2026-02-02', '2026-03-02', new Set(['2026-02-09', '2026-02-23']))).toEqual(['2026-02-02', '2026-02-16', '2026-03-02']);
  });

  test('When the plan is older than two years, then backfill looks back at most 104 weeks', () => {
    const weeks = missingWeeks('2020-01-06', '2026-02-23', new Set());
    expect(weeks).toHaveLength(MAX_BACKFILL_WEEKS);
    expect(weeks[weeks.length - 1]).toBe('2026-02-23');
    expect(weeks[0]).toBe('2024-03-04');
  });
});
