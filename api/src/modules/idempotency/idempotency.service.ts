import type { Tx } from '../../db/data-source';
import {
  deleteStoredResponsesBefore,
  findStoredResponse,
  storeResponseOnce,
  type StoredResponse,
} from '../../db/repositories/idempotency.repository';
import type { Deps } from '../deps';

class IdempotencyRace extends Error {}

/** Keys live a day; a retry after that is a new request. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

/** What a POST sent with Idempotency-Key will store: who, which key, a hash of the request, the status. */
export type PendingKey = { userId: string; key: string; requestHash: string; status: number };

/** The first response to a POST sent with Idempotency-Key, kept a day and replayed to its retries. */
export class IdempotencyService {
  constructor(private readonly deps: Deps) {}

  private since(): string {
    return new Date(this.deps.clock.now().getTime() - RETENTION_MS).toISOString();
  }

  async find(userId: string, key: string): Promise<StoredResponse | null> {
    const row = await this.deps.db.read((m) => findStoredResponse(m, userId, key));
    return row && row.createdAt >= this.since() ? row : null;
  }

  /**
   * Store the response inside the transaction that made the change, so the two stand or fall
   * together. If a twin request stored the key first, abort this transaction (nothing is changed)
   * and let the caller replay the twin's response.
   */
  async remember(m: Tx, pending: PendingKey, body: unknown): Promise<void> {
    const json = JSON.stringify(body);
    const response = { requestHash: pending.requestHash, status: pending.status, body: json, createdAt: this.deps.clock.now().toISOString() };
    await storeResponseOnce(m, pending.userId, pending.key, response, this.since());
    // Read back: if the row holds another response, a twin got there first.
    const stored = await findStoredResponse(m, pending.userId, pending.key);
    if (!stored || stored.body !== json) throw new IdempotencyRace();
  }

  isRace(error: unknown): boolean {
    return error instanceof IdempotencyRace;
  }

  async purgeExpired(): Promise<void> {
    const since = this.since();
    await this.deps.db.write((m) => deleteStoredResponsesBefore(m, since));
  }
}
