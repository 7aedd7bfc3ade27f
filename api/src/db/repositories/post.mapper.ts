import type { Post } from '@handover/shared';
import type { PostEntity } from '../entities/post.entity';

export const toPost = (p: PostEntity): Post => ({
  id: p.id,
  planId: p.planId,
  channel: p.channel,
  publishedAt: p.publishedAt,
  source: p.source as Post['source'],
  externalId: p.externalId,
  author: p.author,
  createdAt: p.createdAt,
  account: p.account ?? null,
  permalink: p.permalink ?? null,
  publisher: p.publisher ?? null,
  classifiedBy: (p.classifiedBy ?? 'source') as Post['classifiedBy'],
  rosterEntryId: p.rosterEntryId ?? null,
  origin: p.origin ?? null,
});
