import type { Db } from '../../db/data-source';
import type { PlanCache } from '../../db/plan-cache';

/**
 * Cached milestone list pages as UTF-8 JSON, oldest evicted first, at most 16 MB in all (a page of
 * 200 milestones is some 100 KB); docs/architecture.md#the-cache-rule. Kept as bytes, so a hit
 * sends them without encoding them again.
 * Every write that changes a page invalidates its plan: milestone writes and new baselines. Kept
 * on PostgreSQL too, checked against the plan's generation in the database
 * (docs/performance.md#caches-across-processes).
 */
const PAGE_CACHE_BYTES = 16 * 1024 * 1024;

export const milestonePages = (db: Db): PlanCache<Buffer> =>
  db.planCache<Buffer>('milestone-pages', { maxBytes: PAGE_CACHE_BYTES, sizeOf: (json) => json.length });
