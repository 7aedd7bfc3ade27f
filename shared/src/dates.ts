// Calendar arithmetic on `YYYY-MM-DD` strings, all in UTC. Weeks are ISO weeks starting Monday.

const DAY_MS = 86_400_000;

const toMs = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** The Monday of the ISO week containing `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(toMs(date)).getUTCDay(); // 0 Sunday .. 6 Saturday
  return addDays(date, -((weekday + 6) % 7));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(firstOfMonthDate: string, months: number): string {
  const d = new Date(toMs(firstOfMonthDate));
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return fromMs(d.getTime());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** The UTC calendar date of an instant. */
export function utcDate(instant: Date | string): string {
  return (typeof instant === 'string' ? new Date(instant) : instant).toISOString().slice(0, 10);
}

export function isMonday(date: string): boolean {
  return new Date(toMs(date)).getUTCDay() === 1;
}
