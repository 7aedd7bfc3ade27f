import fc from 'fast-check';
import { normalizeInstant } from '@handover/shared';

// normalizeInstant answers UTC instants from their fields without a Date round trip; every answer
// must be what the round trip through Date.parse gives (the rule: docs/domain.md#posts-ledger).

function throughDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return iso.length === 24 ? iso : null;
}

const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
const instant = fc
  .record({
    year: fc.oneof(digits(4, 9999), fc.constantFrom('1969', '1970', '2000', '2024', '2100', '9999')),
    month: digits(2, 13),
    day: digits(2, 32),
    hour: digits(2, 24),
    minute: digits(2, 60),
    second: digits(2, 60),
    fraction: fc.option(fc.stringMatching(/^\.\d{1,9}$/), { nil: '' }),
    zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), digits(2, 24), digits(2, 60)).map(([s, h, m]) => `${s}${h}:${m}`)),
  })
  .map((p) => `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.fraction}${p.zone}`);

const canonical = fc
  .date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString())
  .chain((iso) => fc.constantFrom(iso, iso.replace(/\.\d{3}Z$/, 'Z'), iso.slice(0, 20) + 'x' + iso.slice(21), iso.replace(/-(\d\d)-/, '-13-')));

test('When any instant is normalised, then the answer is the one Date.parse and toISOString give', () => {
  fc.assert(
    fc.property(fc.oneof(instant, canonical), (value) => {
      expect(normalizeInstant(value)).toBe(throughDate(value));
    }),
    { numRuns: 20_000 },
  );
  for (const value of ['2024-02-29T23:59:59.9999Z', '2023-02-29T10:00:00Z', '2100-02-29T10:00:00Z', '2000-02-29T00:00:00.1Z', '1970-01-01T00:00:00Z']) {
    expect(normalizeInstant(value)).toBe(throughDate(value));
  }
  expect(normalizeInstant('2024-02-29T23:59:59.9999Z')).toBe('2024-02-29T23:59:59.999Z');
  expect(normalizeInstant('2023-02-29T10:00:00Z')).toBeNull();
});
