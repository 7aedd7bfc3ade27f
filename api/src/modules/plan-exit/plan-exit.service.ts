import { GATE_LABELS, effectiveAccessUntil, type ExitRequestSchema, type ExitResult, type GateKey } from '@handover/shared';
import type { z } from 'zod';
import { AppError, conflict } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import type { Tx } from '../../db/data-source';
import { invalidateRoles } from '../../db/repositories/members.repository';
import { agencyMemberships, revokeAgencyPlanTokens, setAccessUntil } from '../../db/repositories/plan-exit.repository';
import { findPlan, markPlanExited } from '../../db/repositories/plans.repository';
import type { ActivityService } from '../activity/activity.service';
import { invalidateSessions } from '../auth/authenticator';
import type { Deps } from '../deps';
import { recordEvent } from '../outbox/outbox';
import { ResourceService } from '../service';
import type { SnapshotsService } from '../snapshots/snapshots.service';
import type { SummaryService } from '../summary/summary.service';

/** Ending the agency (docs/domain.md#ending-the-agency): the one-way step a lead takes when the plan is done. */
export class PlanExitService extends ResourceService {
  constructor(
    deps: Deps,
    activity: ActivityService,
    private readonly summaries: SummaryService,
    private readonly snapshots: SnapshotsService,
  ) {
    super(deps, activity);
  }

  /**
   * All of it in one transaction, or nothing: the gates as of today (every gate the summary knows)
   * decide unless overridden; then `exitedAt`, every agency membership ending today, the agency's
   * plan-scoped tokens revoked, the final snapshot, the log entry and `plan.exited`.
   */
  async exit(ctx: PlanCtx, input: z.output<typeof ExitRequestSchema>): Promise<ExitResult> {
    const exitedAt = this.deps.clock.now().toISOString();
    const day = exitedAt.slice(0, 10);
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      // Agency roles change here and their tokens are revoked: every process's caches forget them
      // inside this transaction (docs/performance.md#caches-across-processes).
      await invalidateRoles(this.deps.db, m, ctx.planId);
      for (const member of await agencyMemberships(m, ctx.planId)) await invalidateSessions(this.deps.db, m, member.userId);
      const plan = await findPlan(m, ctx.planId);
      if (plan.exitedAt) throw alreadyExited(plan.exitedAt);
      const { gates } = await this.summaries.within(m, ctx.planId, day);
      const unmetGates = gates.filter((g) => !g.met).map((g) => g.key);
      if (unmetGates.length && !input.override) throw gatesUnmet(unmetGates);
      const overrideReason = input.override?.reason ?? null;
      // The plan lock makes this the only exit in flight; the condition holds a second one off regardless.
      if (!(await markPlanExited(m, ctx.planId, exitedAt, unmetGates.length ? overrideReason : null))) throw alreadyExited((await findPlan(m, ctx.planId)).exitedAt ?? exitedAt);
      const agencyMembershipsEnded = await this.endAgencyAccess(m, ctx, plan.contractEndDate, day);
      const tokensRevoked = await revokeAgencyPlanTokens(m, ctx.planId, exitedAt);
      const snapshot = await this.snapshots.takeFinal(m, ctx, day);
      const result: ExitResult = {
        planId: ctx.planId,
        exitedAt,
        unmetGates,
        overrideReason,
        agencyMembershipsEnded,
        accessEndsOn: day,
        tokensRevoked,
        snapshotId: snapshot.id,
      };
      const { planId: _p, ...changes } = result;
      await this.activity.log(m, ctx, 'exit', 'plan', ctx.planId, changes);
      await recordEvent(m, ctx.planId, 'plan.exited', { exitedAt, unmetGates, overrideReason }, exitedAt);
      return result;
    });
  }

  /**
   * Every agency membership ends on `day` (out from that day on, as accessUntil always reads), or
   * keeps an earlier end it already had, pinned so that a later contract end cannot let it back in.
   * How many were in force until now.
   */
  private async endAgencyAccess(m: Tx, ctx: PlanCtx, contractEndDate: string | null, day: string): Promise<number> {
    let ended = 0;
    for (const member of await agencyMemberships(m, ctx.planId)) {
      const end = effectiveAccessUntil('agency', member.accessUntil, contractEndDate);
      const inForce = end === null || end > day;
      const until = inForce ? day : end;
      if (member.accessUntil !== until) {
        await setAccessUntil(m, ctx.planId, member.userId, until);
        await this.activity.log(m, ctx, 'update', 'member', member.userId, { accessUntil: { from: member.accessUntil, to: until } });
      }
      if (inForce) ended += 1;
    }
    return ended;
  }
}

function alreadyExited(exitedAt: string): AppError {
  return conflict(`The agency exit was already done on ${exitedAt.slice(0, 10)} (${exitedAt}); it cannot be done twice.`, 'already-exited');
}

function gatesUnmet(unmetGates: GateKey[]): AppError {
  const names = unmetGates.map((key) => `${GATE_LABELS[key]} (${key})`).join(', ');
  return new AppError(
    409,
    'exit-gates-unmet',
    'Exit gates not met',
    `${unmetGates.length} of the exit gates ${unmetGates.length === 1 ? 'is' : 'are'} not met: ${names}. Meet them, or end the agency anyway with override {reason}.`,
    undefined,
    undefined,
    { unmetGates },
  );
}
