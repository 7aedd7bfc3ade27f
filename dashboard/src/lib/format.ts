export const percent = (share: number | null | undefined, digits = 0): string =>
  share === null || share === undefined || Number.isNaN(share) ? '—' : `${(share * 100).toFixed(digits)}%`;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** `2026-03-02` → `2 Mar 2026` (calendar dates are UTC). */
export const formatDate = (date: string | null | undefined): string =>
  date ? dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) : '—';
export const formatShortDate = (date: string): string => shortDate.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
export const formatInstant = (instant: string | null | undefined): string => (instant ? dateTimeFormat.format(new Date(instant)) : '—');

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** `in_progress` → `In progress`. */
export const humanize = (value: string): string => {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** `agency` → `an agency`, `co-authored` → `a co-authored`. */
export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** Values as a value → words table, in their order (e.g. for the options of a select). */
export const labelsOf = <T extends string>(values: readonly T[], words: (value: T) => string): Record<T, string> =>
  Object.fromEntries(values.map((v) => [v, words(v)])) as Record<T, string>;
