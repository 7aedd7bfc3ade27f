import type { InboxItem, Post } from '@handover/shared';
import { In } from 'typeorm';
import type { Tx } from '../data-source';
import { PostEntity } from '../entities/post.entity';
import { IngestInboxEntity } from '../entities/roster.entity';

// What a push reads and writes: the duplicate keys already stored (ledger and inbox) and the rows
// it adds (docs/domain.md#ingest).

/** Rows per IN (...) list or multi-row insert: well under both dialects' parameter limits. */
const CHUNK = 500;

function* chunks<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** `channel \u0000 externalId`: a duplicate key that no channel or id can forge. */
export const externalKey = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;

export type StoredKeys = { external: Set<string>; permalinks: Set<string> };

const TABLES = { ledger: [PostEntity], inbox: [IngestInboxEntity], both: [PostEntity, IngestInboxEntity] } as const;

/**
 * Which of the given external ids (by channel) and normalised permalinks the plan already holds,
 * in the ledger (every post, a running import's too: its rows are the plan's once it commits),
 * the inbox, or both.
 */
export async function storedKeys(
  m: Tx,
  planId: string,
  externalIds: readonly string[],
  permalinks: readonly string[],
  where: keyof typeof TABLES = 'both',
): Promise<StoredKeys> {
  const out: StoredKeys = { external: new Set(), permalinks: new Set() };
  for (const entity of TABLES[where]) {
    const repo = m.getRepository<{ channel: string; externalId: string | null; permalink: string | null }>(entity);
    for (const ids of chunks([...new Set(externalIds)])) {
      const rows = await repo.find({ select: { channel: true, externalId: true }, where: { planId, externalId: In(ids) } as never });
      for (const r of rows) if (r.externalId) out.external.add(externalKey(r.channel, r.externalId));
    }
    for (const links of chunks([...new Set(permalinks)])) {
      const rows = await repo.find({ select: { permalink: true }, where: { planId, permalink: In(links) } as never });
      for (const r of rows) if (r.permalink) out.permalinks.add(r.permalink);
    }
  }
  return out;
}

/** Ledger rows, inserted as they are (visible at once: no import id). */
export async function insertPosts(m: Tx, posts: readonly Post[]): Promise<void> {
  for (const chunk of chunks(posts, 200)) await m.getRepository(PostEntity).insert(chunk.map((p) => ({ ...p, importId: null })));
}

export async function insertInbox(m: Tx, items: readonly InboxItem[]): Promise<void> {
  for (const chunk of chunks(items, 200)) await m.getRepository(IngestInboxEntity).insert([...chunk]);
}

export const toInboxItem = (r: IngestInboxEntity): InboxItem => ({
  id: r.id,
  planId: r.planId,
  channel: r.channel,
  publishedAt: r.publishedAt,
  externalId: r.externalId,
  account: r.account,
  permalink: r.permalink,
  author: r.author,
  publisher: r.publisher,
  origin: r.origin,
  receivedAt: r.receivedAt,
});
