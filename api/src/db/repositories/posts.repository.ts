import { addDays, type Page, type Post, type PostSource } from '@handover/shared';
import type { SelectQueryBuilder } from 'typeorm';
import { notFound } from '../../core/app-error';
import type { Tx } from '../data-source';
import { PostEntity } from '../entities/post.entity';
import { VISIBLE_POST } from './import-runs.repository';
import { toPost } from './post.mapper';

export type PostFilters = { source?: PostSource; channel?: string; account?: string; from?: string; to?: string };

/** The plan's posts, without those of an import that has not committed (docs/domain.md#imports). */
function visible(m: Tx, planId: string): SelectQueryBuilder<PostEntity> {
  return m.getRepository(PostEntity).createQueryBuilder('p').where('p.plan_id = :planId', { planId }).andWhere(VISIBLE_POST);
}

function filtered(m: Tx, planId: string, q: PostFilters): SelectQueryBuilder<PostEntity> {
  const qb = visible(m, planId);
  if (q.source) qb.andWhere('p.source = :source', { source: q.source });
  if (q.channel) qb.andWhere('p.channel = :channel', { channel: q.channel.trim().toLowerCase() });
  if (q.account) qb.andWhere('LOWER(p.account) = :account', { account: q.account.trim().toLowerCase() });
  if (q.from) qb.andWhere('p.published_at >= :from', { from: `${q.from}T00:00:00.000Z` });
  if (q.to) qb.andWhere('p.published_at < :to', { to: `${addDays(q.to, 1)}T00:00:00.000Z` });
  return qb;
}

/** Newest first. */
export async function listPosts(m: Tx, planId: string, q: PostFilters & { limit: number; offset: number }): Promise<Page<Post>> {
  const qb = filtered(m, planId, q);
  const total = await qb.clone().getCount();
  const rows = await qb.orderBy('p.published_at', 'DESC').addOrderBy('p.id', 'DESC').limit(q.limit).offset(q.offset).getMany();
  return { items: rows.map(toPost), total, limit: q.limit, offset: q.offset };
}

export type ExportCursor = { publishedAt: string; id: string };

/** The next page of the export, oldest first, after the cursor (keyset paging: no OFFSET over a long ledger). */
export function exportPage(m: Tx, planId: string, q: PostFilters, after: ExportCursor | null, size: number): Promise<Post[]> {
  const qb = filtered(m, planId, q);
  if (after) {
    qb.andWhere('(p.published_at > :afterAt OR (p.published_at = :afterAt AND p.id > :afterId))', {
      afterAt: after.publishedAt,
      afterId: after.id,
    });
  }
  return qb.orderBy('p.published_at', 'ASC').addOrderBy('p.id', 'ASC').limit(size).getMany().then((rows) => rows.map(toPost));
}

export async function findPost(m: Tx, planId: string, id: string): Promise<Post> {
  const row = await visible(m, planId).andWhere('p.id = :id', { id }).getOne();
  if (!row) throw notFound('post');
  return toPost(row);
}

export const externalIdTaken = (m: Tx, planId: string, channel: string, externalId: string): Promise<boolean> =>
  m.getRepository(PostEntity).exists({ where: { planId, channel, externalId } });

export async function insertPost(m: Tx, post: Post): Promise<void> {
  await m.getRepository(PostEntity).insert(post);
}

/** False when there was nothing to delete (a concurrent request deleted it). Rows of a running import are not touched. */
export async function deletePost(m: Tx, planId: string, id: string): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .delete()
    .from(PostEntity)
    .where('id = :id AND plan_id = :planId', { id, planId })
    .andWhere(VISIBLE_POST.replaceAll('p.import_id', 'import_id'))
    .execute();
  return Boolean(result.affected);
}
