import type { CacheBound, GenerationCache, SharedGenerationCache } from '../core/cache';
import type { PlanCtx } from '../core/context';
import type { Db, Tx } from './data-source';
import { bumpGeneration, planScope } from './repositories/cache-generations.repository';

/**
 * A cache of answers per plan, the same to its users on either database
 * (docs/architecture.md#the-cache-rule, docs/performance.md#caches-across-processes):
 *
 *   const generation = cache.generation(ctx);      // before reading the database
 *   const hit = cache.get(ctx.planId, key, generation);
 *   ... read ...; cache.set(ctx.planId, key, generation, value);
 *   await cache.invalidate(m, planId);               // in every write that changes an answer, after Db.lockPlan
 *
 * On SQLite the generation is this process's own; on PostgreSQL it is the plan's row in
 * `cache_generations`, read by the edge with (or to validate) the caller's role. Without one
 * (a plan context that did not come through the edge) nothing is served or kept.
 */
export type PlanCache<V> = {
  generation(ctx: PlanCtx): number | undefined;
  get(planId: string, key: string, generation: number | undefined): V | undefined;
  set(planId: string, key: string, generation: number | undefined, value: V): void;
  invalidate(m: Tx, planId: string): Promise<void>;
  /** Bytes held now. */
  readonly size: number;
};

export type { CacheBound };

/** SQLite: the one process that writes the file keeps the generations. */
export function localPlanCache<V>(cache: GenerationCache<V>): PlanCache<V> {
  return {
    generation: (ctx) => cache.generation(ctx.planId),
    get: (planId, key, generation) => (generation === cache.generation(planId) ? cache.get(planId, key) : undefined),
    set: (planId, key, generation, value) => {
      if (generation !== undefined) cache.set(planId, key, generation, value);
    },
    invalidate: async (_m, planId) => cache.invalidate(planId),
    get size() {
      return cache.size;
    },
  };
}

/** PostgreSQL: the generations are rows every process reads and bumps. */
export function sharedPlanCache<V>(db: Db, cache: SharedGenerationCache<V>): PlanCache<V> {
  return {
    generation: (ctx) => (ctx.planAccess?.planId === ctx.planId ? ctx.planAccess.generation : undefined),
    get: (planId, key, generation) => (generation === undefined ? undefined : cache.get(planScope(planId), key, generation)),
    set: (planId, key, generation, value) => {
      if (generation !== undefined) cache.set(planScope(planId), key, generation, value);
    },
    invalidate: (m, planId) => bumpGeneration(db, m, planScope(planId)),
    get size() {
      return cache.size;
    },
  };
}
