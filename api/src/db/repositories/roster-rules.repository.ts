import type { Tx } from '../data-source';
import { RosterEntryEntity } from '../entities/roster.entity';

/** A roster entry as classification reads it (docs/domain.md#ingest). */
export type StoredRosterRule = {
  id: string;
  kind: 'author' | 'channel';
  match: string;
  side: 'agency' | 'in_house';
  from: string | null;
  to: string | null;
};

/** Every roster entry of a plan, as rules for classifying rows; a plan's roster is small (people and accounts). */
export async function rosterRules(m: Tx, planId: string): Promise<StoredRosterRule[]> {
  const rows = await m.getRepository(RosterEntryEntity).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as StoredRosterRule['kind'],
    match: r.match,
    side: r.side as StoredRosterRule['side'],
    from: r.fromDate,
    to: r.toDate,
  }));
}
