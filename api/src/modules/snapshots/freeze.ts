import type { SnapshotItems, SnapshotSummary, Targets } from '@handover/shared';
import type { Db, Tx } from '../../db/data-source';
import { entriesSince } from '../../db/repositories/activity.repository';
import { findPlan } from '../../db/repositories/plans.repository';
import { endOfDay, exitItemsAsOf, handoversAsOf, milestonesAsOf } from '../history/as-of';
import type { SummaryService } from '../summary/summary.service';
import { HISTORY_ENTITIES, isApproximate } from './approximate';

/** What a snapshot freezes: the figures at the end of `asOf` and whether history could give them exactly. */
export type Frozen = { asOf: string; summary: SnapshotSummary; targets: Targets; items: SnapshotItems; approximate: boolean };

/**
 * The plan at the end of `asOf` (docs/domain.md#as-of): its summary, its targets, and the state of
 * every milestone, handover and exit item, which is what `compare` reads. Read before the write that stores it
 * (the summary reads on its own), or, given `within`, inside that write's transaction (the final
 * snapshot of the agency exit, docs/domain.md#ending-the-agency).
 */
export async function freeze(db: Db, summaries: SummaryService, planId: string, asOf: string, within?: Tx): Promise<Frozen> {
  const summary = within ? await summaries.within(within, planId, asOf) : await summaries.ofPlan(planId, asOf);
  const unit = <T>(fn: (m: Tx) => Promise<T>): Promise<T> => (within ? fn(within) : db.read(fn));
  return unit(async (m) => {
    const cutoff = endOfDay(asOf);
    const plan = await findPlan(m, planId);
    const milestones = await milestonesAsOf(m, planId, asOf);
    const handovers = await handoversAsOf(m, planId, asOf);
    const exitItems = await exitItemsAsOf(m, planId, asOf);
    const entries = await entriesSince(m, planId, cutoff, HISTORY_ENTITIES);
    const rows = [
      ...milestones.map((r) => ({ entity: 'milestone', id: r.id, createdAt: r.createdAt, updatedAt: r.updatedAt })),
      ...handovers.map((r) => ({ entity: 'handover', id: r.id, createdAt: r.createdAt, updatedAt: r.updatedAt })),
      ...exitItems.map((r) => ({ entity: 'exit_item', id: r.id, createdAt: r.createdAt, updatedAt: r.updatedAt })),
    ];
    return {
      asOf,
      summary,
      targets: plan.targets,
      items: {
        milestones: milestones.map(({ id, title, status, dueDate, weight, completedAt }) => ({ id, title, status, dueDate, weight, completedAt })),
        handovers: handovers.map(({ id, title, status }) => ({ id, title, status })),
        exitItems: exitItems.map(({ id, name, status }) => ({ id, name, status })),
      },
      approximate: isApproximate(cutoff, asOf, entries, rows),
    };
  });
}
