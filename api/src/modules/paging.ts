import type { Page } from '@handover/shared';

/** One page of a list already filtered and ordered in memory. */
export function pageOfList<T>(items: T[], q: { limit: number; offset: number }): Page<T> {
  return { items: items.slice(q.offset, q.offset + q.limit), total: items.length, limit: q.limit, offset: q.offset };
}
