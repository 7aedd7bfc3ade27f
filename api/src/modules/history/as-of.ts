import { addDays, type ExitItem, type Handover, type Milestone, type Person, type Skill } from '@handover/shared';
import type { Db, Tx } from '../../db/data-source';
import { updatesSince } from '../../db/repositories/activity.repository';
import { allExitItems, exitItemStepsAt, type ExitItemStep } from '../../db/repositories/exit-items.repository';
import { allHandovers, handoverStepsAt, type HandoverStep } from '../../db/repositories/handovers.repository';
import { allMilestones } from '../../db/repositories/milestones.repository';
import { allPeople } from '../../db/repositories/people.repository';
import { skillsForCoverage } from '../../db/repositories/skills.repository';

/**
 * The plan as it stood at the end of a day (docs/domain.md#as-of). Today's rows are the starting
 * point: rows created after the day are left out, and every field change the activity log recorded
 * since is undone, newest first. A handover's and an exit item's step come from their own
 * transition history.
 */

/** The first instant after `asOf` (UTC): things that happened before it happened "on or before asOf". */
export const endOfDay = (asOf: string): string => `${addDays(asOf, 1)}T00:00:00.000Z`;

type Change = { from?: unknown; to?: unknown };
type Update = { entityId: string; changes: Record<string, unknown> };

/** Undo each logged change of `fields` (newest first) on a copy of the rows. */
export function rewind<T extends { id: string }>(rows: T[], updates: Update[], fields: ReadonlyArray<keyof T & string>): T[] {
  const byId = new Map(rows.map((r) => [r.id, { ...r }]));
  for (const u of updates) {
    const row = byId.get(u.entityId);
    if (!row) continue;
    for (const field of fields) {
      const change = u.changes[field] as Change | undefined;
      if (change && typeof change === 'object' && 'from' in change) (row as Record<string, unknown>)[field] = change.from;
    }
  }
  return rows.map((r) => byId.get(r.id)!);
}

const MILESTONE_FIELDS = ['title', 'description', 'phase', 'owner', 'dueDate', 'status', 'weight', 'completedAt', 'dependsOn'] as const;
const HANDOVER_FIELDS = ['title', 'channel', 'description', 'targetDate'] as const;
const SKILL_FIELDS = ['name', 'category', 'requiredLevel', 'requiredPeople', 'critical'] as const;
const PERSON_FIELDS = ['name', 'title'] as const;
const EXIT_ITEM_FIELDS = ['kind', 'name', 'channel', 'owner', 'dueDate', 'evidence', 'evidenceUrl'] as const;

/** Rows that existed at the cutoff, rewound to it. */
async function asOfRows<T extends { id: string; createdAt: string }>(
  m: Tx,
  planId: string,
  entity: string,
  rows: T[],
  fields: ReadonlyArray<keyof T & string>,
  cutoff: string,
): Promise<T[]> {
  const existing = rows.filter((r) => r.createdAt < cutoff);
  if (!existing.length) return existing;
  return rewind(existing, await updatesSince(m, planId, entity, cutoff), fields);
}

/** Milestones at the end of `asOf`; one completed since is not done then, whatever the log says. */
export async function milestonesAsOf(m: Tx, planId: string, asOf: string): Promise<Milestone[]> {
  const cutoff = endOfDay(asOf);
  const rows = await asOfRows(m, planId, 'milestone', await allMilestones(m, planId), MILESTONE_FIELDS, cutoff);
  return rows.map((ms) =>
    ms.status === 'done' && (ms.completedAt === null || ms.completedAt >= cutoff) ? { ...ms, status: 'in_progress', completedAt: null } : ms,
  );
}

/** Handovers at the end of `asOf`: each at the step its history had reached, with that history. */
export async function handoversAsOf(m: Tx, planId: string, asOf: string): Promise<Handover[]> {
  const cutoff = endOfDay(asOf);
  const rows = await asOfRows(m, planId, 'handover', await allHandovers(m, planId), HANDOVER_FIELDS, cutoff);
  return rows.map((h) => {
    const history = h.history.filter((t) => t.at < cutoff);
    return { ...h, history, status: history.at(-1)?.to ?? 'agency' };
  });
}

/** Each handover's step and target date at the end of `asOf`, without titles or history: what the summary reads. */
export async function handoverStepsAsOf(db: Db, m: Tx, planId: string, asOf: string): Promise<HandoverStep[]> {
  const cutoff = endOfDay(asOf);
  const rows = await handoverStepsAt(db, m, planId, cutoff);
  if (!rows.length) return rows;
  return rewind(rows, await updatesSince(m, planId, 'handover', cutoff), ['targetDate']);
}

/** Exit items at the end of `asOf`: each at the step its history had reached ('listed' before any move), with that history. */
export async function exitItemsAsOf(m: Tx, planId: string, asOf: string): Promise<ExitItem[]> {
  const cutoff = endOfDay(asOf);
  const rows = await asOfRows(m, planId, 'exit_item', await allExitItems(m, planId), EXIT_ITEM_FIELDS, cutoff);
  return rows.map((i) => {
    const history = i.history.filter((t) => t.at < cutoff);
    return { ...i, history, status: history.at(-1)?.to ?? 'listed' };
  });
}

/** Each exit item's step and due date at the end of `asOf`, without names or history: what the summary reads. */
export async function exitItemStepsAsOf(db: Db, m: Tx, planId: string, asOf: string): Promise<ExitItemStep[]> {
  const cutoff = endOfDay(asOf);
  const rows = await exitItemStepsAt(db, m, planId, cutoff);
  if (!rows.length) return rows;
  return rewind(rows, await updatesSince(m, planId, 'exit_item', cutoff), ['dueDate']);
}

export async function skillsAsOf(m: Tx, planId: string, asOf: string): Promise<Skill[]> {
  return asOfRows(m, planId, 'skill', await skillsForCoverage(m, planId), SKILL_FIELDS, endOfDay(asOf));
}

export async function peopleAsOf(m: Tx, planId: string, asOf: string): Promise<Person[]> {
  return asOfRows(m, planId, 'person', await allPeople(m, planId), PERSON_FIELDS, endOfDay(asOf));
}
