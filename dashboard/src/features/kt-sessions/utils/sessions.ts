import type { KtMethod, KtSession } from '@handover/shared';

/** Which sessions a list shows, as the API's list filters mean them (docs/domain.md#knowledge-transfer-sessions). */
export type KtSessionFilter = { handoverId?: string; skillId?: string; method?: KtMethod; from?: string; to?: string };

/** The sessions that match every filter given, newest date first and, of one day, the last recorded first. */
export function sessionsMatching(sessions: readonly KtSession[], f: KtSessionFilter = {}): KtSession[] {
  return sessions
    .filter(
      (s) =>
        (!f.handoverId || s.handoverIds.includes(f.handoverId)) &&
        (!f.skillId || s.skillIds.includes(f.skillId)) &&
        (!f.method || s.method === f.method) &&
        (!f.from || s.date >= f.from) &&
        (!f.to || s.date <= f.to),
    )
    .sort((a, b) => (a.date === b.date ? cmp(b.createdAt, a.createdAt) || cmp(b.id, a.id) : cmp(b.date, a.date)));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * "Ann, Bo and 2 more" style: the ids a reader can name, the rest counted; with none named, only a
 * count ("2 people"). `noun` is the singular and plural of what is counted.
 */
export function namesText(ids: readonly string[], name: ((id: string) => string | undefined) | undefined, noun: [string, string]): string | null {
  if (!ids.length) return null;
  const named = name ? ids.map(name).filter((n): n is string => Boolean(n)) : [];
  const others = ids.length - named.length;
  if (!named.length) return `${others} ${others === 1 ? noun[0] : noun[1]}`;
  return others ? `${named.join(', ')} and ${others} more` : named.join(', ');
}

/** The attendees: named people of the plan, the rest counted. */
export const attendeesText = (ids: readonly string[], personName?: (id: string) => string | undefined): string | null => namesText(ids, personName, ['person', 'people']);
