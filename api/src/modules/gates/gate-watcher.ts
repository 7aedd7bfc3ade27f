import type { Gate, GateKey } from '@handover/shared';
import { latestActivityAt, lockGateState, plansToCheck, saveGateState } from '../../db/repositories/plan-events.repository';
import type { ActivityService } from '../activity/activity.service';
import type { Deps } from '../deps';
import { recordEvent } from '../outbox/outbox';
import type { SummaryService } from '../summary/summary.service';

/**
 * Activity of these entities cannot move a gate; everything else a plan logs may (milestones,
 * handovers, posts and imports, roster entries, skills, assessments, people, adoption, the plan's
 * targets, snapshots), so it is rechecked (docs/domain.md#webhooks).
 */
export const QUIET_ENTITIES = ['webhook', 'ingest_secret', 'member', 'baseline', 'api_token', 'user'] as const;
const quiet = new Set<string>(QUIET_ENTITIES);

/** How long after a change the check waits, so a burst of writes to one plan costs one check. */
const DEBOUNCE_MS = 1_000;

export type GateFlip = { planId: string; key: GateKey; from: boolean; to: boolean };

/**
 * `gate.changed` (docs/domain.md#webhooks): after a commit that can move a gate, the plan is marked;
 * a debounced job then computes the gates as of today and compares them with the plan's last
 * known state, recording one event per gate that flipped, in its own transaction. The scheduler's
 * tick (`sweep`) rechecks every plan with activity newer than its last check, so a check lost to a
 * crash or to a process without a scheduler is redone within a minute, and a snapshot (which logs
 * an entry) is always followed by one.
 */
export class GateWatcher {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private started = false;

  constructor(
    private readonly deps: Deps,
    private readonly summaries: SummaryService,
    activity: ActivityService,
  ) {
    activity.afterPlanChange((planId, entity) => {
      if (!quiet.has(entity)) this.touch(planId);
    });
  }

  /** A change to the plan committed: check its gates soon (at the next flush). */
  touch(planId: string): void {
    this.dirty.add(planId);
    if (this.started && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.running = this.flush(this.deps.clock.now())
          .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'gate check failed'))
          .finally(() => (this.running = undefined));
      }, DEBOUNCE_MS);
      this.timer.unref();
    }
  }

  /** Check every plan marked since the last flush. */
  async flush(now: Date): Promise<GateFlip[]> {
    const plans = [...this.dirty];
    this.dirty.clear();
    return this.checkAll(plans, now);
  }

  /** Check the marked plans and every plan whose activity is newer than its last check (the scheduler's tick). */
  async sweep(now: Date): Promise<GateFlip[]> {
    const stale = await this.deps.db.read((m) => plansToCheck(this.deps.db, m, QUIET_ENTITIES));
    const plans = new Set([...this.dirty, ...stale]);
    this.dirty.clear();
    return this.checkAll([...plans], now);
  }

  /**
   * Compare the plan's gates as of `now`'s day with its last known state and record a `gate.changed`
   * per flip. The first check of a plan only stores the state: there is nothing to compare with.
   */
  async check(planId: string, now: Date): Promise<GateFlip[]> {
    const db = this.deps.db;
    const asOf = now.toISOString().slice(0, 10);
    return db.write(async (m) => {
      const stored = await lockGateState(db, m, planId);
      const seen = await latestActivityAt(db, m, planId);
      const summary = await this.summaries.within(m, planId, asOf);
      const flips: Array<GateFlip & { gate: Gate }> = [];
      if (stored.gates) {
        for (const gate of summary.gates) {
          const before = stored.gates[gate.key];
          if (before !== undefined && before !== gate.met) flips.push({ planId, key: gate.key, from: before, to: gate.met, gate });
        }
      }
      const state = Object.fromEntries(summary.gates.map((g) => [g.key, g.met])) as Record<GateKey, boolean>;
      await saveGateState(m, planId, state, seen, now.toISOString());
      for (const f of flips) await recordEvent(m, planId, 'gate.changed', { key: f.key, from: f.from, to: f.to, detail: f.gate.detail }, now);
      return flips.map(({ gate: _g, ...flip }) => flip);
    });
  }

  start(): void {
    this.started = true;
    if (this.dirty.size) this.touch([...this.dirty][0]!);
  }

  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async checkAll(plans: string[], now: Date): Promise<GateFlip[]> {
    const flips: GateFlip[] = [];
    for (const planId of plans) {
      try {
        flips.push(...(await this.check(planId, now)));
      } catch (error) {
        // A plan deleted meanwhile, or a failure: the next sweep finds it again if it still exists.
        this.deps.logger.warn({ err: error, planId }, 'gate check failed');
      }
    }
    return flips;
  }
}
