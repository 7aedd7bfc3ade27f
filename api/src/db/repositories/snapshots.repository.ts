import type { Page, Snapshot, SnapshotListItem, SnapshotListQuery } from '@handover/shared';
import type { Db, Tx } from '../data-source';
import { SnapshotEntity } from '../entities/snapshot.entity';
import { findInPlan, pageFrom, updateIfVersion } from './common';

/** A snapshot as stored: the DTO and the day its figures are as of. */
export type StoredSnapshot = Snapshot & { asOf: string };

const listItem = (r: SnapshotEntity): SnapshotListItem => ({
  id: r.id,
  planId: r.planId,
  kind: r.kind as Snapshot['kind'],
  weekStart: r.weekStart,
  takenAt: r.takenAt,
  rag: r.rag as Snapshot['rag'],
  note: r.note,
  summary: JSON.parse(r.summary) as Snapshot['summary'],
  targets: JSON.parse(r.targets) as Snapshot['targets'],
  approximate: Boolean(r.approximate),
  version: Number(r.version),
});

const toSnapshot = (r: SnapshotEntity): Snapshot => ({ ...listItem(r), items: JSON.parse(r.items) as Snapshot['items'] });

/**
 * Insert unless the plan already has this week's weekly snapshot (the unique key decides, so of two
 * processes taking the same week exactly one inserts); true when this call inserted it.
 */
export async function insertSnapshotIfNew(m: Tx, s: StoredSnapshot, updatedAt: string): Promise<boolean> {
  await m
    .getRepository(SnapshotEntity)
    .createQueryBuilder()
    .insert()
    .values({
      id: s.id,
      planId: s.planId,
      kind: s.kind,
      weekStart: s.weekStart,
      asOf: s.asOf,
      takenAt: s.takenAt,
      rag: s.rag,
      note: s.note,
      summary: JSON.stringify(s.summary),
      targets: JSON.stringify(s.targets),
      items: JSON.stringify(s.items),
      approximate: s.approximate,
      version: s.version,
      updatedAt,
    })
    .orIgnore()
    .execute();
  return m.getRepository(SnapshotEntity).exists({ where: { id: s.id } });
}

/** Newest first: by the day the figures are as of, then by when they were taken. Items are left out. */
export function listSnapshots(m: Tx, planId: string, q: SnapshotListQuery): Promise<Page<SnapshotListItem>> {
  const qb = m
    .getRepository(SnapshotEntity)
    .createQueryBuilder('s')
    .select(['s.id', 's.planId', 's.kind', 's.weekStart', 's.takenAt', 's.rag', 's.note', 's.summary', 's.targets', 's.approximate', 's.version'])
    .where('s.plan_id = :planId', { planId });
  if (q.kind) qb.andWhere('s.kind = :kind', { kind: q.kind });
  qb.orderBy('s.as_of', 'DESC').addOrderBy('s.taken_at', 'DESC').addOrderBy('s.id', 'DESC');
  return pageFrom(qb, q, listItem);
}

export async function findSnapshot(m: Tx, planId: string, id: string): Promise<Snapshot> {
  return toSnapshot(await findInPlan(m, SnapshotEntity, planId, id, 'snapshot'));
}

/** Write the status note if the snapshot is still at `version`; the figures are never written again. */
export function updateSnapshotStatusIfVersion(
  m: Tx,
  planId: string,
  id: string,
  version: number,
  set: { rag: string | null; note: string | null; version: number; updatedAt: string },
): Promise<boolean> {
  return updateIfVersion(m, SnapshotEntity, { id, planId }, version, set);
}

/** The Mondays of the plan's weekly snapshots. */
export async function weeklyWeeks(m: Tx, planId: string): Promise<Set<string>> {
  const rows = await m.getRepository(SnapshotEntity).find({ where: { planId, kind: 'weekly' }, select: { weekStart: true } });
  return new Set(rows.flatMap((r) => (r.weekStart ? [r.weekStart] : [])));
}

/** Every plan with its start date and the Monday of its latest weekly snapshot (null when none): what the scheduler reads. */
export async function plansWithLatestWeekly(db: Db, m: Tx): Promise<Array<{ planId: string; startDate: string; latestWeek: string | null }>> {
  const rows = await db.rows(
    m,
    `SELECT p.id AS plan_id, p.start_date AS start_date,
        (SELECT MAX(s.week_start) FROM snapshots s WHERE s.plan_id = p.id AND s.kind = 'weekly') AS latest_week
      FROM plans p ORDER BY p.id`,
  );
  return rows.map((r) => ({ planId: r[0] as string, startDate: r[1] as string, latestWeek: (r[2] as string | null) ?? null }));
}
