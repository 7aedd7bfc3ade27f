import type { InboxItem, Post } from '@handover/shared';
import type { Db, Tx } from '../../db/data-source';
import { insertInbox, insertPosts } from '../../db/repositories/push.repository';
import {
  allInbox,
  deleteInboxById,
  deletePostsById,
  postsClassifiedBy,
  setClassification,
  type PostClassification,
} from '../../db/repositories/roster.repository';
import { newId } from '../../core/ids';
import { RollupDelta } from '../posts/rollups';
import type { Roster } from './classify';
import { SeenKeys } from './seen-keys';

// What a roster change does to posts already stored, inside the change's transaction
// (docs/domain.md#ingest).

export type Reclassified = {
  /** Ledger posts of the entry whose classification was redone (same side or not). */
  reclassified: number;
  /** Of those, posts whose side changed. */
  sideChanged: number;
  /** Of those, posts no entry classifies any more: moved out of the ledger into the inbox. */
  toInbox: number;
  /** Inbox posts the roster now classifies: moved into the ledger. */
  promoted: number;
};

/**
 * Classify the entry's ledger posts again with `roster` (the roster after the change): a post
 * keeps its place with its new side, entry and `classifiedBy`, or, when nothing classifies it any
 * more, leaves the ledger for the inbox. Then, unless `promote` is false, inbox posts the roster now
 * classifies enter the ledger. Rollups move with the posts.
 */
export async function reclassifyAfterChange(db: Db, m: Tx, planId: string, entryId: string, roster: Roster, now: string, promote: boolean): Promise<Reclassified> {
  const delta = new RollupDelta();
  const posts = await postsClassifiedBy(m, planId, entryId);
  const groups = new Map<string, { c: PostClassification; ids: string[] }>();
  const leaving: Post[] = [];
  let sideChanged = 0;
  for (const post of posts) {
    const c = roster.classify({ ...post, source: null });
    if ('unclassified' in c) {
      leaving.push(post);
      delta.add(post.publishedAt.slice(0, 10), post.channel, post.source, -1);
      continue;
    }
    const next: PostClassification = { source: c.source, classifiedBy: c.classifiedBy, rosterEntryId: c.rosterEntryId ?? null };
    if (next.source !== post.source) {
      sideChanged += 1;
      delta.add(post.publishedAt.slice(0, 10), post.channel, post.source, -1);
      delta.add(post.publishedAt.slice(0, 10), post.channel, next.source, 1);
    }
    if (next.source === post.source && next.rosterEntryId === post.rosterEntryId) continue;
    const key = JSON.stringify(next);
    const group = groups.get(key);
    if (group) group.ids.push(post.id);
    else groups.set(key, { c: next, ids: [post.id] });
  }
  for (const { c, ids } of groups.values()) await setClassification(m, planId, ids, c);
  if (leaving.length) {
    await deletePostsById(m, planId, leaving.map((p) => p.id));
    // A post already waiting in the inbox under the same keys (brought by another path) is not added twice.
    const waiting = await SeenKeys.load(m, planId, leaving, 'inbox');
    const items: InboxItem[] = [];
    for (const p of leaving) {
      if (waiting.has(p)) continue;
      waiting.add(p);
      items.push(toInbox(p, now));
    }
    await insertInbox(m, items);
  }
  const promoted = promote ? await promoteInbox(m, planId, roster, delta, now) : 0;
  await delta.apply(db, m, planId);
  return { reclassified: posts.length, sideChanged, toInbox: leaving.length, promoted };
}

/**
 * Inbox posts the roster classifies now enter the ledger (their `origin` kept); one the ledger
 * already holds under the same keys (an export brought it meanwhile) just leaves the inbox.
 */
async function promoteInbox(m: Tx, planId: string, roster: Roster, delta: RollupDelta, now: string): Promise<number> {
  const classified: Post[] = [];
  const leaving: string[] = [];
  const waiting = await allInbox(m, planId);
  const candidates = waiting.flatMap((item) => {
    const c = roster.classify(item);
    return 'unclassified' in c ? [] : [{ item, c }];
  });
  if (!candidates.length) return 0;
  const inLedger = await SeenKeys.load(m, planId, candidates.map((x) => x.item), 'ledger');
  for (const { item, c } of candidates) {
    leaving.push(item.id);
    if (inLedger.has(item)) continue;
    inLedger.add(item);
    const { id: _inboxId, receivedAt: _receivedAt, ...fields } = item;
    classified.push({ ...fields, id: newId(), source: c.source, classifiedBy: c.classifiedBy, rosterEntryId: c.rosterEntryId ?? null, createdAt: now });
    delta.add(item.publishedAt.slice(0, 10), item.channel, c.source, 1);
  }
  await deleteInboxById(m, planId, leaving);
  await insertPosts(m, classified);
  return classified.length;
}

const toInbox = (p: Post, now: string): InboxItem => ({
  id: newId(),
  planId: p.planId,
  channel: p.channel,
  publishedAt: p.publishedAt,
  externalId: p.externalId,
  account: p.account,
  permalink: p.permalink,
  author: p.author,
  publisher: p.publisher,
  origin: p.origin ?? 'manual',
  receivedAt: now,
});
