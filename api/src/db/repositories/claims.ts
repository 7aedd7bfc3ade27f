import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Db, Tx } from '../data-source';

// Claims on queued rows (webhook deliveries, digest emails; docs/domain.md#webhooks): a row in state
// 'pending' with `next_attempt_at`, `claim_token` and `claimed_until` columns is taken by one process
// at a time with a conditional update, and its result written only while that claim holds.

/** Ids of pending rows of `table` due at `now` that no live claim holds, soonest first. */
export async function dueClaimableIds(db: Db, m: Tx, table: string, now: string, limit: number): Promise<string[]> {
  const rows = await db.rows(
    m,
    `SELECT id AS id FROM ${table}
     WHERE state = 'pending' AND next_attempt_at <= ${db.param(1)} AND (claimed_until IS NULL OR claimed_until <= ${db.param(2)})
     ORDER BY next_attempt_at, id LIMIT ${db.param(3)}`,
    [now, now, limit],
  );
  return rows.map(([id]) => id as string);
}

/**
 * Claim one row: a conditional update that only one of several racing processes can win (on
 * PostgreSQL the loser waits for the winner's row lock, then finds the condition false). True when
 * this caller now holds it until `until`.
 */
export async function claimRow(m: Tx, entity: EntityTarget<ObjectLiteral>, id: string, token: string, now: string, until: string): Promise<boolean> {
  const result = await m
    .getRepository(entity)
    .createQueryBuilder()
    .update()
    .set({ claimToken: token, claimedUntil: until })
    .where("id = :id AND state = 'pending' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)", { id, now })
    .execute();
  return Boolean(result.affected);
}

/** Write `values` and release the claim, only while the claim `token` still holds; false when it lapsed. */
export async function writeUnderClaim(m: Tx, entity: EntityTarget<ObjectLiteral>, id: string, token: string, values: ObjectLiteral, now: string): Promise<boolean> {
  const result = await m
    .getRepository(entity)
    .createQueryBuilder()
    .update()
    .set({ ...values, claimToken: null, claimedUntil: null, updatedAt: now })
    .where('id = :id AND claim_token = :token', { id, token })
    .execute();
  return Boolean(result.affected);
}
