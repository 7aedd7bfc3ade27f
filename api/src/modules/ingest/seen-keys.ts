import type { Tx } from '../../db/data-source';
import { externalKey, storedKeys, type StoredKeys } from '../../db/repositories/push.repository';

type Keyed = { channel: string; externalId?: string | null; permalink?: string | null };

/**
 * The duplicate keys a plan holds, loaded for a set of posts and extended as posts are stored: a
 * post is a duplicate when its `(channel, externalId)` is held, else when its normalised permalink
 * is (one post arriving by an export and by a tool carries two ids but one permalink;
 * docs/domain.md#ingest).
 */
export class SeenKeys {
  private constructor(private readonly keys: StoredKeys) {}

  static async load(m: Tx, planId: string, posts: readonly Keyed[], where: 'ledger' | 'inbox' | 'both'): Promise<SeenKeys> {
    const ids = posts.flatMap((p) => (p.externalId ? [p.externalId] : []));
    const links = posts.flatMap((p) => (p.permalink ? [p.permalink] : []));
    return new SeenKeys(await storedKeys(m, planId, ids, links, where));
  }

  has(p: Keyed): boolean {
    if (p.externalId && this.keys.external.has(externalKey(p.channel, p.externalId))) return true;
    return Boolean(p.permalink && this.keys.permalinks.has(p.permalink));
  }

  add(p: Keyed): void {
    if (p.externalId) this.keys.external.add(externalKey(p.channel, p.externalId));
    if (p.permalink) this.keys.permalinks.add(p.permalink);
  }
}
