import { plansWithLatestWeekly } from '../../db/repositories/snapshots.repository';
import type { Deps } from '../deps';
import type { GateWatcher } from '../gates/gate-watcher';
import type { OverdueMilestones } from '../milestones/overdue';
import { dueWeeklySnapshots } from './schedule';
import type { SnapshotsService } from './snapshots.service';

/**
 * What one run did: the weekly snapshots it took, the plans it could not snapshot, the
 * `milestone.overdue` and `gate.changed` events it recorded.
 */
export type JobReport = { weekly: Array<{ planId: string; weekStart: string }>; failed: string[]; overdue: number; gateChanges: number };

/** The webhook events the scheduler drives (docs/domain.md#webhooks). */
export type EventJobs = { overdue: OverdueMilestones; gates: GateWatcher };

/** How often the scheduler looks for due work; a run that finds none costs one query. */
const TICK_MS = 60_000;

/**
 * The in-process scheduler (docs/domain.md#status-over-time). `runDueJobs(now)` does whatever is due
 * at `now` and is safe to call from several processes at once: a week's snapshot is stored once (a
 * unique key), whoever gets there first. `start` runs it at once (catching up a Monday the process
 * missed) and then every minute; `stop` waits for a run in progress.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly snapshots: SnapshotsService,
    private readonly events: EventJobs,
  ) {}

  /** Every plan's weekly snapshot for the latest week whose run time (SNAPSHOT_AT) has passed, when missing. */
  async runDueJobs(now: Date): Promise<JobReport> {
    const report: JobReport = { weekly: [], failed: [], overdue: 0, gateChanges: 0 };
    const plans = await this.deps.db.read((m) => plansWithLatestWeekly(this.deps.db, m));
    for (const plan of plans) {
      for (const weekStart of dueWeeklySnapshots(now, plan.latestWeek, plan.startDate, { at: this.deps.config.snapshotAt })) {
        try {
          if (await this.snapshots.takeWeekly(plan.planId, weekStart, now)) report.weekly.push({ planId: plan.planId, weekStart });
        } catch (error) {
          // One plan's failure does not hold up the others; the next tick tries it again.
          this.deps.logger.error({ err: error, planId: plan.planId, weekStart }, 'weekly snapshot failed');
          report.failed.push(plan.planId);
        }
      }
    }
    if (report.weekly.length) this.deps.logger.info({ taken: report.weekly.length }, 'weekly snapshots taken');
    await this.runEventJobs(now, report);
    return report;
  }

  /** Overdue milestones (daily), then gates of plans changed since their last check (after the snapshots, which count as changes). */
  private async runEventJobs(now: Date, report: JobReport): Promise<void> {
    try {
      report.overdue = await this.events.overdue.runIfDue(now);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'overdue check failed');
    }
    try {
      report.gateChanges = (await this.events.gates.sweep(now)).length;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'gate sweep failed');
    }
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runDueJobs(this.deps.clock.now())
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'scheduled jobs failed'))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, TICK_MS);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
