import { newId } from '../../core/ids';
import { claimOverdue, unannouncedOverdue } from '../../db/repositories/plan-events.repository';
import type { Deps } from '../deps';
import { recordEvent } from '../outbox/outbox';

/**
 * `milestone.overdue` (docs/domain.md#webhooks): once a day the scheduler announces every milestone
 * due before today and not done, once per milestone and due date. A due date moved later that
 * passes again is announced again; the unique key on (milestone, dueDate) keeps a second process,
 * or a second run the same day, from announcing one twice.
 */
export class OverdueMilestones {
  /** The UTC day this process last checked; the first run after midnight (or after start) checks. */
  private checkedDay: string | undefined;

  constructor(private readonly deps: Deps) {}

  /** The check, when this process has not made it yet today; the number of events recorded. */
  async runIfDue(now: Date): Promise<number> {
    const day = now.toISOString().slice(0, 10);
    if (this.checkedDay === day) return 0;
    const sent = await this.check(now);
    this.checkedDay = day;
    return sent;
  }

  /** Announce every milestone that is overdue at `now` and not yet announced for its due date. */
  async check(now: Date): Promise<number> {
    const db = this.deps.db;
    const today = now.toISOString().slice(0, 10);
    const candidates = await db.read((m) => unannouncedOverdue(db, m, today));
    let sent = 0;
    for (const planId of new Set(candidates.map((c) => c.planId))) {
      try {
        sent += await db.write(async (m) => {
          // Under the plan's lock, as milestone edits are: re-read, so one completed or moved meanwhile is not announced.
          await db.lockPlan(m, planId);
          let recorded = 0;
          for (const ms of await unannouncedOverdue(db, m, today, planId)) {
            if (!(await claimOverdue(m, { id: newId(), milestoneId: ms.id, dueDate: ms.dueDate, firedAt: now.toISOString() }))) continue;
            const milestone = { id: ms.id, title: ms.title, phase: ms.phase, dueDate: ms.dueDate, status: ms.status };
            await recordEvent(m, planId, 'milestone.overdue', { milestone }, now);
            recorded += 1;
          }
          return recorded;
        });
      } catch (error) {
        // One plan's failure does not hold up the others; the next day's run (or a restart) retries it.
        this.deps.logger.error({ err: error, planId }, 'overdue check failed');
      }
    }
    return sent;
  }
}
