import { DATE_FORMATS, isValidTimeZone, type DateFormat } from '@handover/shared';
import { IANAZone } from 'luxon';

export { isValidTimeZone };

export type DateCell = { kind: 'instant'; iso: string } | { kind: 'skip' } | { kind: 'error'; message: string };

type Parts = { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; millisecond?: number; offsetMinutes?: number };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** `+0000`, `+00:00`, `-05`, `Z` → minutes east of UTC. */
function offsetOf(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

const TIME = '(\\d{1,2}):(\\d{2})';
const OFFSET = '(Z|z|[+-]\\d{2}(?::?\\d{2})?)';

/** One pattern per format; each returns the parts it read, or null when the text is not in that shape. */
const PARSERS: Record<DateFormat, (s: string) => Parts | null> = {
  'YYYY-MM-DD HH:mm': match(new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T]${TIME}$`), (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! })),
  'YYYY-MM-DD HH:mm:ss': match(new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T]${TIME}:(\\d{2})$`), (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! })),
  'MM/DD/YYYY HH:mm': match(new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}),? ${TIME}$`), (m) => ({ month: +m[1]!, day: +m[2]!, year: +m[3]!, hour: +m[4]!, minute: +m[5]! })),
  'DD/MM/YYYY HH:mm': match(new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}),? ${TIME}$`), (m) => ({ day: +m[1]!, month: +m[2]!, year: +m[3]!, hour: +m[4]!, minute: +m[5]! })),
  'DD.MM.YYYY HH:mm': match(new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}),? ${TIME}$`), (m) => ({ day: +m[1]!, month: +m[2]!, year: +m[3]!, hour: +m[4]!, minute: +m[5]! })),
  'MM/DD/YYYY': match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => ({ month: +m[1]!, day: +m[2]!, year: +m[3]! })),
  'DD/MM/YYYY': match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => ({ day: +m[1]!, month: +m[2]!, year: +m[3]! })),
  'DD.MM.YYYY': match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (m) => ({ day: +m[1]!, month: +m[2]!, year: +m[3]! })),
  'YYYY-MM-DD': match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })),
  'ISO 8601': match(new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?${OFFSET}?)?$`), (m) => ({
    year: +m[1]!,
    month: +m[2]!,
    day: +m[3]!,
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]) ?? (m[4] === undefined ? undefined : 0),
    millisecond: m[7] === undefined ? undefined : Math.floor(Number(`0.${m[7]}`) * 1000),
    offsetMinutes: m[8] === undefined ? undefined : offsetOf(m[8]),
  })),
  'YYYY-MM-DD HH:mm Z': match(new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T]${TIME}(?::(\\d{2}))? ?${OFFSET}$`), (m) => ({
    year: +m[1]!,
    month: +m[2]!,
    day: +m[3]!,
    hour: +m[4]!,
    minute: +m[5]!,
    second: num(m[6]) ?? 0,
    offsetMinutes: offsetOf(m[7]!),
  })),
  'ddd, MMM D, YYYY': (s) => {
    const m = /^(?:([A-Za-z]{3,9}),? )?([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
    if (!m) return null;
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    if (month === 0 || (m[2]!.length > 3 && !monthNameMatches(m[2]!, month))) return null;
    const parts = { year: +m[4]!, month, day: +m[3]! };
    // The weekday is a check on the date: a mismatch means the text is not what it seems.
    if (m[1] !== undefined && realDate(parts) && WEEKDAYS[new Date(Date.UTC(parts.year, month - 1, parts.day)).getUTCDay()] !== m[1].slice(0, 3).toLowerCase()) return null;
    return parts;
  },
};

function match(re: RegExp, read: (m: RegExpExecArray) => Parts): (s: string) => Parts | null {
  return (s) => {
    const m = re.exec(s);
    return m ? read(m) : null;
  };
}

function monthNameMatches(name: string, month: number): boolean {
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const lower = name.toLowerCase();
  return full[month - 1] === lower || (lower === 'sept' && month === 9);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDate({ year, month, day }: Parts): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

/**
 * What the XLSX reader writes for a date cell (`YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss`, the
 * spreadsheet's own calendar fields). Year-first, so it cannot be mistaken for any format, and it
 * is accepted whatever format the mapping names: a spreadsheet may hold real dates in a column
 * whose text cells use the file's format.
 */
const SPREADSHEET_DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

const DAY_MS = 86_400_000;

/**
 * A zone's UTC offset (minutes) at an instant, remembered per UTC day: a day whose first and last
 * millisecond share an offset has it throughout (a zone changes its offset at most a few times a
 * year, never twice in a day); a day with a transition in it is asked about each time. Asking the
 * zone costs a date formatting, and posts are spread over hours far more than over days.
 */
class ZoneOffsets {
  private readonly days = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {}

  at(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const first = this.zone.offset(day * DAY_MS);
      offset = first === this.zone.offset(day * DAY_MS + DAY_MS - 1) ? first : Number.NaN;
      if (this.days.size >= 100_000) this.days.clear();
      this.days.set(day, offset);
    }
    return Number.isNaN(offset) ? this.zone.offset(ms) : offset;
  }
}

const zones = new Map<string, ZoneOffsets>();

function offsetsOf(timeZone: string): ZoneOffsets {
  let offsets = zones.get(timeZone);
  if (!offsets) {
    if (zones.size >= 50) zones.clear();
    offsets = new ZoneOffsets(IANAZone.create(timeZone));
    zones.set(timeZone, offsets);
  }
  return offsets;
}

/**
 * The UTC instant of a wall-clock time in a zone. A repeated hour (clocks going back) takes the
 * earlier instant; a skipped hour (clocks going forward) moves forward by the gap, as a clock
 * would: 01:30 on the night London skips 01:00–02:00 is 02:30 BST.
 */
export function zonedToUtc(localMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return localMs;
  const zone = offsetsOf(timeZone);
  const before = zone.at(localMs - DAY_MS);
  const after = zone.at(localMs + DAY_MS);
  const early = localMs - Math.max(before, after) * 60_000;
  const late = localMs - Math.min(before, after) * 60_000;
  // A candidate is right when the zone's offset at it turns it back into the wall-clock time.
  if (zone.at(early) * 60_000 === localMs - early) return early;
  if (zone.at(late) * 60_000 === localMs - late) return late;
  // In the gap: read with the offset in force before it, which lands after the gap.
  return localMs - before * 60_000;
}

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/**
 * Read one date cell in an explicit format. A cell without a single digit (`Lifetime`, empty) is
 * skipped; a cell with digits that does not read as a real date in the format is an error whose
 * message names the format. Date-only values keep their calendar date (00:00 UTC, no zone shift);
 * times without an offset are read in `timeZone`.
 */
export function parseDateCell(raw: string, format: DateFormat, timeZone?: string): DateCell {
  const text = raw.trim();
  if (!/\d/.test(text)) return { kind: 'skip' };
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) return { kind: 'error', message: `unknown time zone "${timeZone}": use an IANA name such as Europe/London` };
  // Messages are made only for a cell that needs one: this runs once per row of a large file.
  const expected = () => `expected a date like ${DATE_FORMATS[format].example} (${format})`;
  const shown = () => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  let parts = PARSERS[format](text);
  if (!parts) {
    const m = SPREADSHEET_DATE.exec(text);
    if (m) parts = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: num(m[4]), minute: num(m[5]), second: num(m[6]) };
  }
  if (!parts) return { kind: 'error', message: `"${shown()}": ${expected()}` };
  const { year, month, day, hour, minute = 0, second = 0, millisecond = 0, offsetMinutes } = parts;
  if (!realDate(parts) || (hour !== undefined && (hour > 23 || minute > 59 || second > 59))) {
    return { kind: 'error', message: `"${shown()}" is not a real date or time: ${expected()}` };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'error', message: `"${shown()}" is outside the years ${MIN_YEAR} to ${MAX_YEAR}` };
  const wallMs = Date.UTC(year, month - 1, day, hour ?? 0, minute, second, millisecond);
  let ms: number;
  if (hour === undefined) {
    ms = wallMs; // a calendar date: no zone applies
  } else if (offsetMinutes !== undefined) {
    ms = wallMs - offsetMinutes * 60_000;
  } else {
    if (timeZone === undefined) return { kind: 'error', message: `"${shown()}" has no UTC offset: choose the time zone the file was written in` };
    ms = zonedToUtc(wallMs, timeZone);
  }
  const iso = new Date(ms).toISOString();
  if (iso.length !== 24 || iso < '1970') return { kind: 'error', message: `"${shown()}" is outside the years ${MIN_YEAR} to ${MAX_YEAR}` };
  return { kind: 'instant', iso };
}
