import { addDays, type SharePoint } from '@handover/shared';

/**
 * Complete weeks ending before `currentMonday`, oldest first, one per share: `null` is a week
 * without posts; otherwise 100 posts with round(share × 100) in-house.
 */
export function shareWeeks(currentMonday: string, shares: Array<number | null>): SharePoint[] {
  const first = addDays(currentMonday, -7 * shares.length);
  return shares.map((share, i) => {
    const total = share === null ? 0 : 100;
    const inHouse = share === null ? 0 : Math.round(share * 100);
    return { periodStart: addDays(first, 7 * i), agency: total - inHouse, inHouse, coAuthored: 0, total, inHouseShare: total ? inHouse / total : 0 };
  });
}
