import type { EntityManager } from 'typeorm';
import type { Deps } from '../../deps';
import type { RequestCtx } from '../../http/context';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

class IdempotencyRace extends Error {}

/** Keys live a day; a retry after that is a new request. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

export class IdempotencyService {
  constructor(private readonly deps: Deps) {}

  async find(userId: string, key: string): Promise<IdempotencyKeyEntity | null> {
    const since = new Date(this.deps.clock.now().getTime() - RETENTION_MS).toISOString();
    const row = await this.deps.db.read((m) => m.getRepository(IdempotencyKeyEntity).findOne({ where: { userId, key } }));
    return row && row.createdAt >= since ? row : null;
  }

  /**
   * Store the response in the transaction that created the resource, so the two stand or fall
   * together. If a twin request stored the key first, abort this transaction (nothing is created)
   * and let the route replay the twin's response.
   */
  async remember(m: EntityManager, ctx: RequestCtx, body: unknown): Promise<void> {
    const pending = ctx.idempotency;
    if (!pending || !ctx.user) return;
    const now = this.deps.clock.now();
    const since = new Date(now.getTime() - RETENTION_MS).toISOString();
    const repo = m.getRepository(IdempotencyKeyEntity);
    // An expired key may be reused: clear it first.
    await repo
      .createQueryBuilder()
      .delete()
      .where('user_id = :userId AND key = :key AND created_at < :since', { userId: ctx.user.id, key: pending.key, since })
      .execute();
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        userId: ctx.user.id,
        key: pending.key,
        requestHash: pending.requestHash,
        status: pending.status,
        body: JSON.stringify(body),
        createdAt: now.toISOString(),
      })
      .orIgnore()
      .execute();
    // Read back: if the row holds another response, a twin got there first.
    const stored = await repo.findOne({ where: { userId: ctx.user.id, key: pending.key } });
    if (!stored || stored.body !== JSON.stringify(body)) {
      throw new IdempotencyRace();
    }
  }

  isRace(error: unknown): boolean {
    return error instanceof IdempotencyRace;
  }

  async purgeExpired(): Promise<void> {
    const since = new Date(this.deps.clock.now().getTime() - RETENTION_MS).toISOString();
    await this.deps.db.write((m) =>
      m.getRepository(IdempotencyKeyEntity).createQueryBuilder().delete().where('created_at < :since', { since }).execute(),
    );
  }
}
