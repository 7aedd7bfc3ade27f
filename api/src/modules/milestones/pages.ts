import type { Db } from '../../db/data-source';

/**
 * Cached milestone list pages, oldest evicted first, at most 16 MB in all (a page of 200 milestones
 * is some 100 KB of JSON, two bytes a character in memory); docs/architecture.md#the-cache-rule.
 * Every write that changes a page invalidates its plan: milestone writes and new baselines.
 */
const PAGE_CACHE_BYTES = 16 * 1024 * 1024;

export const milestonePages = (db: Db) => db.cache<string>('milestone-pages', { maxBytes: PAGE_CACHE_BYTES, sizeOf: (json) => 2 * json.length });
