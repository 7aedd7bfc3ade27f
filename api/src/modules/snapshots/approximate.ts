import type { LoggedEntry } from '../../db/repositories/activity.repository';

/** The kinds of entity whose log entries can tell whether history rebuilds a day exactly. */
export const HISTORY_ENTITIES = ['milestone', 'handover', 'exit_item', 'skill', 'person', 'post', 'adoption', 'plan'] as const;

/** What the summary reads of the plan itself, which history does not rewind. */
const PLAN_FIELDS = ['targets', 'startDate', 'targetExitDate'];

/** A row today, with when it was created and last changed. */
export type RowStamp = { entity: string; id: string; createdAt: string; updatedAt: string };

const isLoggedChange = (value: unknown) => typeof value === 'object' && value !== null && 'from' in value;

/**
 * Whether the plan as rebuilt for the end of a day (`cutoff`, the first instant after it) may differ
 * from what it was (docs/domain.md#status-over-time). Given the log entries at or after the cutoff
 * and today's milestones, handovers and exit items, history cannot rebuild the day exactly when since then:
 * - a milestone, handover, exit item, skill, person, post or adoption week was deleted (it is left out);
 * - an adoption week up to that day was replaced, or the plan's targets or dates changed (the
 *   summary reads them as they are now);
 * - an edit was logged without its `{from, to}` (a log written before field changes were kept);
 * - a milestone, handover or exit item that existed then changed without any log entry since.
 */
export function isApproximate(cutoff: string, asOf: string, entries: readonly LoggedEntry[], rows: readonly RowStamp[]): boolean {
  const since = entries.filter((e) => e.at >= cutoff);
  const logged = new Set(since.map((e) => `${e.entity}:${e.entityId}`));
  return (
    since.some(
      (e) =>
        (e.action === 'delete' && e.entity !== 'plan') ||
        (e.entity === 'adoption' && e.action === 'replace' && (e.entityId ?? '') <= asOf) ||
        (e.entity === 'plan' && e.action === 'update' && PLAN_FIELDS.some((f) => f in e.changes)) ||
        (e.action === 'update' && e.entity !== 'plan' && Object.values(e.changes).some((c) => !isLoggedChange(c))),
    ) || rows.some((r) => r.createdAt < cutoff && r.updatedAt >= cutoff && !logged.has(`${r.entity}:${r.id}`))
  );
}
