export const percent = (share: number | null | undefined, digits = 0): string =>
  share === null || share === undefined || Number.isNaN(share) ? '—' : `${(share * 100).toFixed(digits)}%`;

// Calendar dates (due dates, weeks, as-of days) are UTC days: shown as they are, whatever the zone.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
// Instants (when a post was published, when something changed) are shown in the reader's own
// time zone, with the zone named, so what was typed in local time reads back the same.
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** `2026-03-02` → `2 Mar 2026`: the one way a date is written on every page. */
export const formatDate = (date: string | null | undefined): string =>
  date ? dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) : '—';
/** `2026-03-02` → `2 Mar`, for chart axes where the year is in the title. */
export const formatShortDate = (date: string): string => shortDate.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
/** An instant in the reader's time zone: `2 Mar 2026, 10:00 GMT`. */
export const formatInstant = (instant: string | null | undefined): string => (instant ? dateTimeFormat.format(new Date(instant)) : '—');

/** The reader's time zone as the browser names it (e.g. `Europe/London`). */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** `in_progress` → `In progress`. */
export const humanize = (value: string): string => {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** `agency` → `an agency`, `co-authored` → `a co-authored`. */
export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** `“A”`, `“A” and “B”`, `“A”, “B” and “C”`: names in a sentence. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** `1 post`, `3 posts`. */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Values as a value → words table, in their order (e.g. for the options of a select). */
export const labelsOf = <T extends string>(values: readonly T[], words: (value: T) => string): Record<T, string> =>
  Object.fromEntries(values.map((v) => [v, words(v)])) as Record<T, string>;

/** `Taking our voice back` → `taking-our-voice-back`, for file names. */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'plan';

/** A download's name: `<plan-slug>-<table>-<YYYY-MM-DD>.csv`, so files from several plans and days never collide. */
export const csvFilename = (planName: string, table: string, date: string): string => `${slugify(planName)}-${table}-${date}.csv`;

/** The email's local part, when a person's name is not known: `lena.lead@x.org` → `lena.lead`. */
export const emailName = (email: string): string => email.split('@')[0] || email;

/** Calendar dates inside a sentence from the server (`week of 2026-11-16`) written as every page writes them. */
export const readableDates = (text: string): string => text.replace(/\b(\d{4}-\d{2}-\d{2})\b(?!T)/g, (d) => formatDate(d));
