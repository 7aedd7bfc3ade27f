import { addDays } from '@handover/shared';
import { CHANNELS, PEOPLE, WEEKS } from './story';

export const POSTS_CSV_HEADER = 'channel,published_at,source,external_id,author';

/** The week's share of posts made in-house: from a few percent to about 80% by the last week. */
export const inHouseShareOf = (week: number) => 0.04 + 0.76 * (Math.min(week, WEEKS - 1) / (WEEKS - 1)) ** 1.2;

/**
 * One week of posts (days from `monday` up to, not including, `until`) as CSV rows, drifting from
 * the agency to the in-house team. `first` numbers the external ids, so they stay unique.
 */
export function weekOfPosts(random: () => number, week: number, monday: string, until: string, first: number): string[] {
  const rows: string[] = [];
  const inHouse = inHouseShareOf(week);
  const coAuthored = Math.max(0.04, 0.18 - 0.1 * (week / WEEKS));
  let n = first;
  for (let i = 0, day = monday; i < 7 && day < until; i++, day = addDays(day, 1)) {
    const perDay = 28 + Math.floor(random() * 14);
    for (let k = 0; k < perDay; k++) {
      const r = random();
      const source = r < inHouse ? 'in_house' : r < inHouse + coAuthored ? 'co_authored' : 'agency';
      const channel = CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'linkedin';
      const hh = String(7 + Math.floor(random() * 13)).padStart(2, '0');
      const mm = String(Math.floor(random() * 60)).padStart(2, '0');
      const author = source === 'agency' ? 'Brightside Social' : (PEOPLE[Math.floor(random() * PEOPLE.length)]?.name ?? '');
      rows.push(`${channel},${day}T${hh}:${mm}:00Z,${source},${channel}-${++n},${author}`);
    }
  }
  return rows;
}

/** Internal adoption for each week: rising from 14% past the 60% target, with a little noise. */
export function adoptionShares(random: () => number): number[] {
  return Array.from({ length: WEEKS }, (_, w) => Math.min(0.72, 0.14 + 0.55 * (w / (WEEKS - 1)) + (random() - 0.5) * 0.04));
}
