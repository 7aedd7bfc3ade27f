import { CACHE_CHANNEL } from '../cache-listener';
import type { Db, Tx } from '../data-source';

// The rows of `cache_generations` (PostgreSQL): docs/performance.md#caches-across-processes.

/** A plan's cached answers: its members' roles and its milestone pages. */
export const planScope = (planId: string): string => `plan:${planId}`;
/** What a user's sessions resolve to: the sessions themselves and the user's row. */
export const userScope = (userId: string): string => `user:${userId}`;

/**
 * Move a scope to its next generation inside the write transaction `m`, and announce it to every
 * process when that commits (NOTIFY is sent on commit, never on rollback).
 */
export async function bumpGeneration(db: Db, m: Tx, scope: string): Promise<void> {
  await db.rows(
    m,
    `WITH bumped AS (
       INSERT INTO cache_generations (scope, generation) VALUES ($1::varchar, 1)
       ON CONFLICT (scope) DO UPDATE SET generation = cache_generations.generation + 1
       RETURNING generation)
     SELECT pg_notify('${CACHE_CHANNEL}', $1::varchar || ' ' || generation) FROM bumped`,
    [scope],
    { prepare: true },
  );
}

/** The generations of these scopes now (a scope never bumped is at 0). */
export async function readGenerations(db: Db, m: Tx, scopes: string[]): Promise<Map<string, number>> {
  const rows = await db.rows(m, 'SELECT scope, generation FROM cache_generations WHERE scope = ANY($1::varchar[])', [scopes], { prepare: true });
  return new Map(rows.map(([scope, generation]) => [scope as string, generation as number]));
}
