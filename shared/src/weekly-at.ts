/**
 * When a weekly job runs, in UTC, written `<DAY> <HH:MM>`: DAY is MON, TUE, WED, THU, FRI, SAT or
 * SUN (any case), HH:MM a 24-hour time in UTC (`MON 06:00`, `tue 7:30`). The API's configuration
 * (`SNAPSHOT_AT`, `DIGEST_AT`) is checked with it at start-up and the scheduler runs on it.
 */
export type WeeklyAt = {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  hour: number;
  minute: number;
};

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** Late enough that Sunday's late exports are in. */
export const DEFAULT_SNAPSHOT_AT = 'MON 06:00';
/** After the snapshot. */
export const DEFAULT_DIGEST_AT = 'MON 09:00';

/** Parses `<DAY> <HH:MM>`; throws RangeError saying what is expected. */
export function parseWeeklyAt(text: string): WeeklyAt {
  const match = /^([A-Za-z]{3})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  const weekday = match ? DAYS.indexOf(match[1]!.toUpperCase()) + 1 : 0;
  const hour = Number(match?.[2]);
  const minute = Number(match?.[3]);
  if (!match || weekday === 0 || hour > 23 || minute > 59) {
    throw new RangeError(`expected a weekday and a UTC time like MON 06:00 (days ${DAYS.join(', ')}), got "${text}"`);
  }
  return { weekday, hour, minute };
}
