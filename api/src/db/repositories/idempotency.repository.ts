import type { Tx } from '../data-source';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';

export type StoredResponse = { requestHash: string; status: number; body: string; createdAt: string };

export async function findStoredResponse(m: Tx, userId: string, key: string): Promise<StoredResponse | null> {
  return m.getRepository(IdempotencyKeyEntity).findOne({ where: { userId, key } });
}

/**
 * Store a response under (user, key) unless one is there already (a twin request's); an expired
 * key is cleared first so it may be used again.
 */
export async function storeResponseOnce(m: Tx, userId: string, key: string, response: StoredResponse, expiredBefore: string): Promise<void> {
  const repo = m.getRepository(IdempotencyKeyEntity);
  await repo
    .createQueryBuilder()
    .delete()
    .where('user_id = :userId AND key = :key AND created_at < :since', { userId, key, since: expiredBefore })
    .execute();
  await repo
    .createQueryBuilder()
    .insert()
    .values({ userId, key, ...response })
    .orIgnore()
    .execute();
}

export async function deleteStoredResponsesBefore(m: Tx, since: string): Promise<void> {
  await m.getRepository(IdempotencyKeyEntity).createQueryBuilder().delete().where('created_at < :since', { since }).execute();
}
