import type { Activity, ActivityListQuery, Page } from '@handover/shared';
import type { PlanCtx, UserCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { afterCommit } from '../../db/after-commit';
import type { Tx } from '../../db/data-source';
import { insertActivity, listActivity } from '../../db/repositories/activity.repository';
import type { Deps } from '../deps';

export type ActivityEntry = {
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown>;
};

const MAX_CLOCK_STEP_BACK_MS = 60_000;

export class ActivityService {
  private lastAt = 0;
  private readonly listeners: Array<(planId: string, entity: string) => void> = [];

  constructor(private readonly deps: Deps) {}

  /**
   * Strictly increasing within the process, so entries written in one millisecond keep their order.
   * A clock set back by more than a minute (an operator correcting the time, a test) starts afresh:
   * entries keep the time they happened at, which is what history reads (docs/domain.md#as-of).
   */
  private nextAt(): string {
    const clock = this.deps.clock.now().getTime();
    const now = clock < this.lastAt - MAX_CLOCK_STEP_BACK_MS ? clock : Math.max(clock, this.lastAt + 1);
    this.lastAt = now;
    return new Date(now).toISOString();
  }

  /** Call inside the write transaction of the change it describes. */
  record(m: Tx, ctx: UserCtx, planId: string | null, entry: ActivityEntry): Promise<void> {
    return this.recordAs(m, planId, ctx.user, entry);
  }

  /**
   * An entry in a plan's log on behalf of an actor that is not the request's user: a receiver
   * pushing posts has no user, and is logged under an id and label of its own.
   */
  async recordAs(m: Tx, planId: string | null, actor: { id: string; email: string }, entry: ActivityEntry): Promise<void> {
    if (planId) for (const listener of this.listeners) afterCommit(m, () => listener(planId, entry.entity));
    await insertActivity(m, {
      id: newId(),
      planId,
      at: this.nextAt(),
      actorId: actor.id,
      actorEmail: actor.email.slice(0, 254),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: JSON.stringify(entry.changes),
    });
  }

  /**
   * Be told, after the commit, of every logged change to a plan (the gate check listens,
   * docs/domain.md#webhooks). Never called when the transaction rolls back.
   */
  afterPlanChange(listener: (planId: string, entity: string) => void): void {
    this.listeners.push(listener);
  }

  /** record() for a change inside the caller's plan, in one line. */
  log(m: Tx, ctx: PlanCtx, action: string, entity: string, entityId: string | null, changes: Record<string, unknown>): Promise<void> {
    return this.record(m, ctx, ctx.planId, { action, entity, entityId, changes });
  }

  list(ctx: PlanCtx, q: ActivityListQuery): Promise<Page<Activity>> {
    return this.deps.db.read((m) => listActivity(m, ctx.planId, q));
  }
}

/** The fields that differ between two snapshots, as {field: {from, to}}. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key] ?? null, to: after[key] };
  }
  return out;
}
