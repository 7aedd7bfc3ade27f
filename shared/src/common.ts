import { z } from 'zod';

export const UuidSchema = z.uuid({ message: 'must be a UUID' });

/**
 * The calendar dates taken: week, month and forecast arithmetic on them stays within four-digit
 * years, where `YYYY-MM-DD` strings compare as dates (past 9999 they do not, and a period loop
 * never ended).
 */
export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '9000-12-31';

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30), from MIN_DATE to MAX_DATE. */
export const IsoDateSchema = z
  .string()
  // abort: a string that is not shaped like a date gets one message, not a second "not a real date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-03-02 (year-month-day)', abort: true })
  .refine(isRealDate, { message: 'must be a real calendar date', abort: true })
  .refine((v) => v >= MIN_DATE && v <= MAX_DATE, `must be between ${MIN_DATE} and ${MAX_DATE}`);

/** An instant in ISO 8601; any offset is accepted on input, output is always UTC with milliseconds. */
export const InstantSchema = z.iso.datetime({ offset: true, message: 'must be a date and time with its time zone, such as 2026-03-02T10:00:00Z' });

export function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Text a person typed: trimmed, not blank, bounded. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const IntString = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a non-negative integer');

/** `?limit=&offset=`; a limit above the maximum is capped, not refused. */
export const pageQueryWith = (defaultLimit: number) =>
  z.object({
    limit: IntString.optional()
      .transform((v) => (v === undefined ? defaultLimit : Math.min(Number(v), MAX_LIMIT)))
      .refine((v) => v >= 1, 'must be at least 1'),
    offset: IntString.optional().transform((v) => (v === undefined ? 0 : Number(v))),
  });
export const PageQuerySchema = pageQueryWith(DEFAULT_LIMIT);
export type PageQuery = z.output<typeof PageQuerySchema>;

/**
 * `?flag=true|false`: the API takes exactly these two strings (anything else is 422) and the
 * OpenAPI document types the parameter as a boolean, so generated clients send a boolean.
 */
export const BooleanQuerySchema = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .meta({ type: 'boolean' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export const HealthSchema = z.object({ status: z.literal('ok') });

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with seconds and an offset (`Z` or `±hh:mm`), normalised to UTC with
 * milliseconds; null when malformed or not a real moment (2026-02-30, 25:00). Years 1970..9999 only,
 * so stored instants keep one width and sort as text.
 */
export function normalizeInstant(value: string): string | null {
  if (isCanonicalInstant(value)) return value;
  const m = INSTANT_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return null;
  if (day > daysInMonth(year, month)) return null;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  // Already UTC: the fields are the answer, milliseconds cut to three digits as Date.parse does
  // (skipping the Date round trip matters on a million-row import).
  if (m[8] === 'Z') return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7] ? `${m[7].slice(1)}00`.slice(0, 3) : '000'}Z`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return iso.length === 24 ? iso : null;
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` naming a real moment from 1970: already normalised, checked without allocating (a million-row import meets little else). */
function isCanonicalInstant(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(23) !== 90 /* Z */) return false;
  const d = (i: number) => {
    const c = v.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  const marks = v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && v.charCodeAt(10) === 84 && v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58 && v.charCodeAt(19) === 46;
  if (!marks) return false;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const rest = d(11) * 10 + d(12) <= 23 && d(14) * 10 + d(15) <= 59 && d(17) * 10 + d(18) <= 59 && !Number.isNaN(d(20) + d(21) + d(22));
  return rest && year >= 1970 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;

export const INSTANT_MESSAGE = 'must be a date and time with seconds and its time zone, such as 2026-03-02T10:00:00Z';

/** Input instant: validated and normalised to UTC (`2026-03-02T10:00:00.000Z`). */
export const InstantInputSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeInstant(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: INSTANT_MESSAGE });
    return z.NEVER;
  }
  return normalized;
});
