import {
  mondayOf,
  type CreateSnapshotSchema,
  type Page,
  type Snapshot,
  type SnapshotBackfillResult,
  type SnapshotComparison,
  type SnapshotKind,
  type SnapshotListItem,
  type SnapshotListQuery,
  type UpdateSnapshotSchema,
} from '@handover/shared';
import type { z } from 'zod';
import { today } from '../../core/clock';
import { systemCtx, type PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Tx } from '../../db/data-source';
import { findPlan } from '../../db/repositories/plans.repository';
import {
  findSnapshot,
  insertSnapshotIfNew,
  listSnapshots,
  updateSnapshotStatusIfVersion,
  weeklyWeeks,
  type StoredSnapshot,
} from '../../db/repositories/snapshots.repository';
import type { ActivityService } from '../activity/activity.service';
import { diff } from '../activity/activity.service';
import type { Deps } from '../deps';
import { queueWeeklyDigest } from '../notify/digest-queue';
import { ResourceService } from '../service';
import type { SummaryService } from '../summary/summary.service';
import { assertVersion, writeIfVersion } from '../versioned';
import { compareSnapshots } from './compare';
import type { SnapshotEvents } from './events';
import { freeze, type Frozen } from './freeze';
import { latestDueWeek, missingWeeks, weekEnd } from './schedule';

/** Snapshots: frozen copies of a plan's status, weekly, on demand, and rebuilt from history (docs/domain.md#status-over-time). */
export class SnapshotsService extends ResourceService {
  constructor(
    deps: Deps,
    activity: ActivityService,
    private readonly summaries: SummaryService,
    private readonly events: SnapshotEvents,
  ) {
    super(deps, activity);
  }

  list(ctx: PlanCtx, q: SnapshotListQuery): Promise<Page<SnapshotListItem>> {
    return this.deps.db.read((m) => listSnapshots(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<Snapshot> {
    return this.deps.db.read((m) => findSnapshot(m, ctx.planId, id));
  }

  /** What changed from one snapshot to another (404 when either is not the plan's). */
  async compare(ctx: PlanCtx, fromId: string, toId: string): Promise<SnapshotComparison> {
    const [from, to] = await this.deps.db.read(async (m) => [await findSnapshot(m, ctx.planId, fromId), await findSnapshot(m, ctx.planId, toId)]);
    return compareSnapshots(from, to);
  }

  /** A lead's snapshot of the plan as it stands today, with their status. */
  async create(ctx: PlanCtx, input: z.output<typeof CreateSnapshotSchema>): Promise<Snapshot> {
    const frozen = await freeze(this.deps.db, this.summaries, ctx.planId, today(this.deps.clock));
    const snapshot = this.build(ctx.planId, 'manual', null, frozen, input);
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      await this.store(m, ctx, snapshot, 'create');
      await this.events.snapshotCreated(m, strip(snapshot));
      return strip(snapshot);
    });
  }

  /** Only the status (`rag`, `note`) changes; the figures never do. */
  async update(ctx: PlanCtx, id: string, version: number, input: z.output<typeof UpdateSnapshotSchema>): Promise<Snapshot> {
    return this.write(ctx, async (m) => {
      const before = await findSnapshot(m, ctx.planId, id);
      assertVersion(before, version);
      const status = { rag: input.rag !== undefined ? input.rag : before.rag, note: input.note !== undefined ? input.note : before.note };
      const changes = diff({ rag: before.rag, note: before.note }, status);
      // The same status again changes nothing and writes nothing.
      if (!Object.keys(changes).length) return before;
      const after: Snapshot = { ...before, ...status, version: version + 1 };
      const set = { ...status, version: after.version, updatedAt: this.deps.clock.now().toISOString() };
      await writeIfVersion(after, version, (_next, v) => updateSnapshotStatusIfVersion(m, ctx.planId, id, v, set), () => findSnapshot(m, ctx.planId, id));
      await this.activity.log(m, ctx, 'update', 'snapshot', id, changes);
      return after;
    });
  }

  /**
   * The weekly snapshot of `weekStart`, taken by the scheduler at `now`; false when it exists already
   * (another process, or an earlier run, took it).
   */
  async takeWeekly(planId: string, weekStart: string, now: Date): Promise<boolean> {
    const ctx = systemCtx('weekly-snapshot', planId);
    const frozen = await freeze(this.deps.db, this.summaries, planId, weekEnd(weekStart));
    const snapshot = { ...this.build(planId, 'weekly', weekStart, frozen, { rag: null, note: null }), takenAt: now.toISOString() };
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, planId);
      if (!(await this.store(m, ctx, snapshot, 'create'))) return false;
      await this.events.snapshotCreated(m, strip(snapshot));
      await queueWeeklyDigest(this.deps, m, planId, strip(snapshot), now);
      return true;
    });
  }

  /**
   * The agency exit's `final` snapshot of the plan as it stands on `asOf` (today), taken inside the
   * exit's transaction `m` so that it stands or falls with the exit (docs/domain.md#ending-the-agency).
   * Logged and announced (`snapshot.created`) like a manual one.
   */
  async takeFinal(m: Tx, ctx: PlanCtx, asOf: string): Promise<Snapshot> {
    const frozen = await freeze(this.deps.db, this.summaries, ctx.planId, asOf, m);
    const snapshot = this.build(ctx.planId, 'final', null, frozen, { rag: null, note: null });
    await this.store(m, ctx, snapshot, 'create');
    await this.events.snapshotCreated(m, strip(snapshot));
    return strip(snapshot);
  }

  /**
   * The missing weekly snapshots since the plan's first week, at most the latest 104 weeks, rebuilt
   * from history and marked approximate where it cannot be exact; announced to no one. All or none.
   */
  async backfill(ctx: PlanCtx): Promise<SnapshotBackfillResult> {
    const db = this.deps.db;
    const now = this.deps.clock.now();
    const { plan, taken } = await db.read(async (m) => ({ plan: await findPlan(m, ctx.planId), taken: await weeklyWeeks(m, ctx.planId) }));
    const weeks = missingWeeks(mondayOf(plan.startDate), latestDueWeek(now, this.deps.config.snapshotAt), taken);
    const snapshots: StoredSnapshot[] = [];
    for (const week of weeks) snapshots.push(this.build(ctx.planId, 'weekly', week, await freeze(db, this.summaries, ctx.planId, weekEnd(week)), { rag: null, note: null }));
    return this.write(ctx, async (m) => {
      await db.lockPlan(m, ctx.planId);
      const created: StoredSnapshot[] = [];
      // A week another process took meanwhile stays as it was.
      for (const s of snapshots) if (await insertSnapshotIfNew(m, s, s.takenAt)) created.push(s);
      const result = { created: created.length, approximate: created.filter((s) => s.approximate).length, weeks: created.map((s) => s.weekStart!) };
      if (created.length) await this.activity.log(m, ctx, 'backfill', 'snapshot', null, result);
      return result;
    });
  }

  private build(planId: string, kind: SnapshotKind, weekStart: string | null, frozen: Frozen, status: { rag: Snapshot['rag']; note: string | null }): StoredSnapshot {
    return {
      id: newId(),
      planId,
      kind,
      weekStart,
      asOf: frozen.asOf,
      takenAt: this.deps.clock.now().toISOString(),
      rag: status.rag,
      note: status.note,
      summary: frozen.summary,
      targets: frozen.targets,
      items: frozen.items,
      approximate: frozen.approximate,
      version: 1,
    };
  }

  /** Insert and log; false (and nothing logged) when the week's snapshot exists already. */
  private async store(m: Tx, ctx: PlanCtx, s: StoredSnapshot, action: string): Promise<boolean> {
    if (!(await insertSnapshotIfNew(m, s, s.takenAt))) return false;
    await this.activity.log(m, ctx, action, 'snapshot', s.id, {
      kind: s.kind,
      weekStart: s.weekStart,
      asOf: s.asOf,
      rag: s.rag,
      note: s.note,
      readiness: s.summary.readiness.score,
      approximate: s.approximate,
    });
    return true;
  }
}

const strip = ({ asOf: _a, ...snapshot }: StoredSnapshot): Snapshot => snapshot;
