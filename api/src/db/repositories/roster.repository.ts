import type { InboxItem, Page, Post, PostSource, RosterEntry } from '@handover/shared';
import { In } from 'typeorm';
import { notFound } from '../../core/app-error';
import type { Tx } from '../data-source';
import { PostEntity } from '../entities/post.entity';
import { IngestInboxEntity, RosterEntryEntity } from '../entities/roster.entity';
import { pageFrom, updateIfVersion } from './common';
import { VISIBLE_POST } from './import-runs.repository';
import { toPost } from './post.mapper';
import { toInboxItem } from './push.repository';

// Roster entries, and the ledger and inbox rows a roster change moves (docs/domain.md#ingest).

const CHUNK = 500;

export const toRosterEntry = (r: RosterEntryEntity): RosterEntry => ({
  id: r.id,
  planId: r.planId,
  kind: r.kind as RosterEntry['kind'],
  match: r.match,
  side: r.side as RosterEntry['side'],
  from: r.fromDate,
  to: r.toDate,
  note: r.note,
  createdBy: r.createdBy,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const toRow = (e: RosterEntry, matchKey: string): RosterEntryEntity => ({
  id: e.id,
  planId: e.planId,
  kind: e.kind,
  match: e.match,
  matchKey,
  side: e.side,
  fromDate: e.from,
  toDate: e.to,
  note: e.note,
  createdBy: e.createdBy,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export type RosterFilters = { kind?: string; side?: string };

/** Authors first, then channels; by match key, then start date. */
export function listRoster(m: Tx, planId: string, q: RosterFilters & { limit: number; offset: number }): Promise<Page<RosterEntry>> {
  const qb = m.getRepository(RosterEntryEntity).createQueryBuilder('r').where('r.plan_id = :planId', { planId });
  if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
  if (q.side) qb.andWhere('r.side = :side', { side: q.side });
  qb.orderBy('r.kind', 'ASC').addOrderBy('r.match_key', 'ASC').addOrderBy('r.from_date', 'ASC').addOrderBy('r.id', 'ASC');
  return pageFrom(qb, q, toRosterEntry);
}

/** Every roster entry of a plan, as classification reads them; a plan's roster is small (people and accounts). */
export async function rosterRules(m: Tx, planId: string): Promise<RosterEntry[]> {
  const rows = await m.getRepository(RosterEntryEntity).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map(toRosterEntry);
}

export async function findRosterEntry(m: Tx, planId: string, id: string): Promise<RosterEntry> {
  const row = await m.getRepository(RosterEntryEntity).findOne({ where: { id, planId } });
  if (!row) throw notFound('roster entry');
  return toRosterEntry(row);
}

export async function insertRosterEntry(m: Tx, entry: RosterEntry, matchKey: string): Promise<void> {
  await m.getRepository(RosterEntryEntity).insert(toRow(entry, matchKey));
}

export function updateRosterEntryIfVersion(m: Tx, entry: RosterEntry, matchKey: string, version: number): Promise<boolean> {
  const { kind, match, side, fromDate, toDate, note, version: next, updatedAt } = toRow(entry, matchKey);
  return updateIfVersion(m, RosterEntryEntity, { id: entry.id, planId: entry.planId }, version, {
    kind,
    match,
    matchKey,
    side,
    fromDate,
    toDate,
    note,
    version: next,
    updatedAt,
  });
}

export async function deleteRosterEntry(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(RosterEntryEntity).delete({ id, planId });
}

/** The visible ledger posts an entry classified (a running import's rows are left to its commit). */
export async function postsClassifiedBy(m: Tx, planId: string, entryId: string): Promise<Post[]> {
  const rows = await m
    .getRepository(PostEntity)
    .createQueryBuilder('p')
    .where('p.plan_id = :planId AND p.roster_entry_id = :entryId', { planId, entryId })
    .andWhere(VISIBLE_POST)
    .getMany();
  return rows.map(toPost);
}

export type PostClassification = { source: PostSource; classifiedBy: Post['classifiedBy']; rosterEntryId: string | null };

export async function setClassification(m: Tx, planId: string, ids: readonly string[], c: PostClassification): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await m
      .getRepository(PostEntity)
      .createQueryBuilder()
      .update()
      .set(c)
      .where('plan_id = :planId', { planId })
      .andWhere({ id: In(ids.slice(i, i + CHUNK)) })
      .execute();
  }
}

export async function deletePostsById(m: Tx, planId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await m.getRepository(PostEntity).delete({ planId, id: In(ids.slice(i, i + CHUNK)) });
}

/** Newest first. */
export function listInbox(m: Tx, planId: string, q: { limit: number; offset: number }): Promise<Page<InboxItem>> {
  const qb = m
    .getRepository(IngestInboxEntity)
    .createQueryBuilder('i')
    .where('i.plan_id = :planId', { planId })
    .orderBy('i.received_at', 'DESC')
    .addOrderBy('i.id', 'DESC');
  return pageFrom(qb, q, toInboxItem);
}

/** Every post waiting in the plan's inbox, oldest first. */
export async function allInbox(m: Tx, planId: string): Promise<InboxItem[]> {
  const rows = await m.getRepository(IngestInboxEntity).find({ where: { planId }, order: { receivedAt: 'ASC', id: 'ASC' } });
  return rows.map(toInboxItem);
}

export async function deleteInboxById(m: Tx, planId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) await m.getRepository(IngestInboxEntity).delete({ planId, id: In(ids.slice(i, i + CHUNK)) });
}
