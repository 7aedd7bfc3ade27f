import { DATE_FORMAT_IDS, DATE_FORMATS } from '@handover/shared';
import { isValidTimeZone, parseDateCell } from '../../../api/src/modules/ingest/date-formats';

const instant = (iso: string) => ({ kind: 'instant', iso });

describe('parseDateCell', () => {
  it('When a cell has no digit (Lifetime, empty, spaces), then it is skipped', () => {
    for (const cell of ['Lifetime', '', '   ', 'n/a', '—']) expect(parseDateCell(cell, 'MM/DD/YYYY HH:mm', 'UTC')).toEqual({ kind: 'skip' });
  });

  it('When day and month could be swapped, then the named format decides and the other reading is never tried', () => {
    expect(parseDateCell('03/04/2026 10:00', 'MM/DD/YYYY HH:mm', 'UTC')).toEqual(instant('2026-03-04T10:00:00.000Z'));
    expect(parseDateCell('03/04/2026 10:00', 'DD/MM/YYYY HH:mm', 'UTC')).toEqual(instant('2026-04-03T10:00:00.000Z'));
    expect(parseDateCell('31/03/2026 10:00', 'MM/DD/YYYY HH:mm', 'UTC')).toEqual({
      kind: 'error',
      message: '"31/03/2026 10:00" is not a real date or time: expected a date like 03/31/2026 14:05 (MM/DD/YYYY HH:mm)',
    });
  });

  it('When a cell has digits but another shape, then the error names the expected format with an example', () => {
    expect(parseDateCell('2026-03-31 14:05', 'MM/DD/YYYY HH:mm', 'UTC')).toEqual({
      kind: 'error',
      message: '"2026-03-31 14:05": expected a date like 03/31/2026 14:05 (MM/DD/YYYY HH:mm)',
    });
    expect(parseDateCell('03/31/2026 14:05:09', 'MM/DD/YYYY HH:mm', 'UTC').kind).toBe('error');
    expect(parseDateCell('2026-02-30', 'YYYY-MM-DD').kind).toBe('error');
    expect(parseDateCell('2026-03-31 24:00', 'YYYY-MM-DD HH:mm', 'UTC').kind).toBe('error');
    expect(parseDateCell('12/31/1969', 'MM/DD/YYYY')).toEqual({ kind: 'error', message: '"12/31/1969" is outside the years 1970 to 9999' });
  });

  it('When each format reads its own example, then the result is an instant in UTC with milliseconds', () => {
    for (const format of DATE_FORMAT_IDS) {
      const result = parseDateCell(DATE_FORMATS[format].example, format, 'UTC');
      expect(result.kind).toBe('instant');
      if (result.kind === 'instant') expect(result.iso).toMatch(/^2026-03-31T\d{2}:\d{2}:\d{2}\.000Z$/);
    }
  });

  it('When a value is date-only, then it keeps its calendar date at 00:00 UTC whatever the zone', () => {
    expect(parseDateCell('03/31/2026', 'MM/DD/YYYY', 'Pacific/Auckland')).toEqual(instant('2026-03-31T00:00:00.000Z'));
    expect(parseDateCell('31.03.2026', 'DD.MM.YYYY', 'America/Los_Angeles')).toEqual(instant('2026-03-31T00:00:00.000Z'));
    expect(parseDateCell('2026-03-31', 'ISO 8601', 'Asia/Tokyo')).toEqual(instant('2026-03-31T00:00:00.000Z'));
    expect(parseDateCell('Tue, Jul 14, 2026', 'ddd, MMM D, YYYY')).toEqual(instant('2026-07-14T00:00:00.000Z'));
    expect(parseDateCell('Fri, Jun 5, 2026', 'ddd, MMM D, YYYY')).toEqual(instant('2026-06-05T00:00:00.000Z'));
  });

  it('When the weekday does not match the date, then it is an error rather than a guess', () => {
    expect(parseDateCell('Mon, Jul 14, 2026', 'ddd, MMM D, YYYY').kind).toBe('error');
  });

  it('When a time has no offset, then it is read in the zone; with an offset, the offset wins', () => {
    expect(parseDateCell('2026-01-15 14:30', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-01-15T14:30:00.000Z'));
    expect(parseDateCell('2026-07-15 14:30', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-07-15T13:30:00.000Z'));
    expect(parseDateCell('07/15/2026 14:30', 'MM/DD/YYYY HH:mm', 'America/New_York')).toEqual(instant('2026-07-15T18:30:00.000Z'));
    expect(parseDateCell('2024-01-15 14:30 +0000', 'YYYY-MM-DD HH:mm Z', 'Asia/Tokyo')).toEqual(instant('2024-01-15T14:30:00.000Z'));
    expect(parseDateCell('2024-01-15 14:30:09 -0500', 'YYYY-MM-DD HH:mm Z')).toEqual(instant('2024-01-15T19:30:09.000Z'));
    expect(parseDateCell('2026-03-31T14:05:00+02:00', 'ISO 8601')).toEqual(instant('2026-03-31T12:05:00.000Z'));
    expect(parseDateCell('2026-03-31T14:05:00.5Z', 'ISO 8601')).toEqual(instant('2026-03-31T14:05:00.500Z'));
    expect(parseDateCell('2026-03-31T14:05', 'ISO 8601', 'Europe/Paris')).toEqual(instant('2026-03-31T12:05:00.000Z'));
  });

  it('When a time needs a zone and none is given, then the row says so', () => {
    expect(parseDateCell('2026-03-31T14:05', 'ISO 8601')).toEqual({ kind: 'error', message: '"2026-03-31T14:05" has no UTC offset: choose the time zone the file was written in' });
  });

  it('When the zone name is not an IANA zone, then it is an error', () => {
    expect(parseDateCell('2026-03-31 14:05', 'YYYY-MM-DD HH:mm', 'Mars/Olympus')).toEqual({
      kind: 'error',
      message: 'unknown time zone "Mars/Olympus": use an IANA name such as Europe/London',
    });
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  describe('daylight saving', () => {
    it('When a local hour repeats (clocks go back), then the earlier instant is taken', () => {
      // London 2026-10-25: 01:00–02:00 happens twice, first in BST (+01), then in GMT.
      expect(parseDateCell('2026-10-25 01:30', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-10-25T00:30:00.000Z'));
      // New York 2026-11-01: 01:00–02:00 happens twice, first in EDT (-04), then in EST.
      expect(parseDateCell('11/01/2026 01:30', 'MM/DD/YYYY HH:mm', 'America/New_York')).toEqual(instant('2026-11-01T05:30:00.000Z'));
    });

    it('When a local hour is skipped (clocks go forward), then the time moves forward by the gap', () => {
      // London 2026-03-29: 01:00 jumps to 02:00; 01:30 does not exist and reads as 02:30 BST.
      expect(parseDateCell('2026-03-29 01:30', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-03-29T01:30:00.000Z'));
      // New York 2026-03-08: 02:00 jumps to 03:00; 02:30 reads as 03:30 EDT.
      expect(parseDateCell('03/08/2026 02:30', 'MM/DD/YYYY HH:mm', 'America/New_York')).toEqual(instant('2026-03-08T07:30:00.000Z'));
    });

    it('When every quarter hour of two transition days is read in four zones, then it matches a brute-force reading', () => {
      const formats = new Map<string, Intl.DateTimeFormat>();
      const wallOf = (ms: number, zone: string) => {
        if (!formats.has(zone)) {
          formats.set(zone, new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }));
        }
        const parts = Object.fromEntries(formats.get(zone)!.formatToParts(ms).map((p) => [p.type, p.value]));
        return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
      };
      const cases: Array<[string, string, string]> = [
        ['Europe/London', '2026-03-29', '2026-10-25'],
        ['America/New_York', '2026-03-08', '2026-11-01'],
        ['Australia/Lord_Howe', '2026-04-05', '2026-10-04'], // a 30-minute shift
        ['Asia/Kathmandu', '2026-03-29', '2026-10-25'], // +05:45, no shift
      ];
      for (const [zone, ...days] of cases) {
        for (const day of days) {
          for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
            const wall = `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String((minutes % 60) + (minutes % 60 === 15 ? 2 : 0)).padStart(2, '0')}`;
            const wallMs = Date.parse(`${wall.replace(' ', 'T')}:00Z`);
            const exact: number[] = [];
            for (let k = -60; k <= 60; k++) if (wallOf(wallMs - k * 15 * 60_000, zone) === wall) exact.push(wallMs - k * 15 * 60_000);
            const dayBefore = wallMs - 86_400_000;
            const offsetBefore = Date.parse(`${wallOf(dayBefore, zone).replace(' ', 'T')}:00Z`) - dayBefore;
            // The earliest instant showing this wall time; in a gap, the wall time read with the offset before it.
            const expected = exact.length ? Math.min(...exact) : wallMs - offsetBefore;
            expect([zone, wall, parseDateCell(wall, 'YYYY-MM-DD HH:mm', zone)]).toEqual([zone, wall, instant(new Date(expected).toISOString())]);
          }
        }
      }
    });

    it('When a time is just outside the transition, then the ordinary offset applies', () => {
      expect(parseDateCell('2026-10-25 02:00', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-10-25T02:00:00.000Z'));
      expect(parseDateCell('2026-03-29 00:59', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-03-29T00:59:00.000Z'));
      expect(parseDateCell('2026-03-29 02:00', 'YYYY-MM-DD HH:mm', 'Europe/London')).toEqual(instant('2026-03-29T01:00:00.000Z'));
    });
  });

  it('When a spreadsheet date cell arrives as YYYY-MM-DD text, then any format accepts it (it cannot be misread)', () => {
    expect(parseDateCell('2026-03-05', 'MM/DD/YYYY')).toEqual(instant('2026-03-05T00:00:00.000Z'));
    expect(parseDateCell('2026-03-05 14:05:00', 'DD/MM/YYYY HH:mm', 'Europe/London')).toEqual(instant('2026-03-05T14:05:00.000Z'));
  });
});
