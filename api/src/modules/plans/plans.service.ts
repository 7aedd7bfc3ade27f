import {
  DEFAULT_TARGETS,
  effectiveAccessUntil,
  MAX_LIMIT,
  type CreatePlanSchema,
  type Member,
  type Page,
  type PageQuery,
  type Plan,
  type Role,
  type UpdatePlanSchema,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, notFound, unprocessable, type FieldError } from '../../core/app-error';
import { today } from '../../core/clock';
import type { PlanCtx, UserCtx } from '../../core/context';
import { newId } from '../../core/ids';
import {
  countLeads,
  deleteMember,
  findMemberRole,
  listMembers,
  findMembership,
  putMembership,
  invalidateRoles,
} from '../../db/repositories/members.repository';
import type { Tx } from '../../db/data-source';
import { findPlan, insertPlan, listPlans, updatePlanIfVersion } from '../../db/repositories/plans.repository';
import { existingUserIds, findUser } from '../../db/repositories/users.repository';
import { diff } from '../activity/activity.service';
import { ResourceService } from '../service';
import { assertVersion, writeIfVersion } from '../versioned';

export class PlansService extends ResourceService {
  async create(ctx: UserCtx, input: z.output<typeof CreatePlanSchema>): Promise<Plan> {
    const now = this.deps.clock.now().toISOString();
    const leads = [...new Set(input.leads ?? [])];
    return this.write(ctx, async (m) => {
      if (leads.length) {
        const known = await existingUserIds(m, leads);
        const errors = input.leads!.flatMap((id, i) => (known.has(id) ? [] : [{ path: `leads.${i}`, message: 'no such user' }]));
        if (errors.length) throw unprocessable(errors, 'Some leads are not users.');
      }
      const plan: Plan = {
        id: newId(),
        name: input.name,
        brand: input.brand,
        agencyName: input.agencyName,
        startDate: input.startDate,
        targetExitDate: input.targetExitDate,
        contractEndDate: input.contractEndDate ?? null,
        targets: { ...DEFAULT_TARGETS, ...input.targets },
        exitedAt: null,
        exitOverrideReason: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await insertPlan(m, plan, leads);
      await this.activity.record(m, ctx, plan.id, {
        action: 'create',
        entity: 'plan',
        entityId: plan.id,
        changes: { ...withoutMeta(plan), leads },
      });
      return plan;
    });
  }

  async list(ctx: UserCtx, q: PageQuery): Promise<Page<Plan>> {
    return this.deps.db.read((m) => listPlans(m, ctx.user, q, today(this.deps.clock)));
  }

  async get(ctx: PlanCtx): Promise<Plan> {
    return this.deps.db.read((m) => findPlan(m, ctx.planId));
  }

  async update(ctx: PlanCtx, version: number, input: z.output<typeof UpdatePlanSchema>): Promise<Plan> {
    return this.write(ctx, async (m) => {
      const current = await findPlan(m, ctx.planId);
      assertVersion(current, version);
      const next: Plan = {
        ...current,
        ...pick(input, ['name', 'brand', 'agencyName', 'startDate', 'targetExitDate', 'contractEndDate']),
        targets: { ...current.targets, ...input.targets },
        version: version + 1,
        updatedAt: this.deps.clock.now().toISOString(),
      };
      const errors: FieldError[] = [];
      if (next.targetExitDate < next.startDate) errors.push({ path: 'targetExitDate', message: 'must not be before startDate' });
      if (next.contractEndDate && next.contractEndDate < next.startDate) {
        errors.push({ path: 'contractEndDate', message: 'must not be before startDate' });
      }
      if (errors.length) throw unprocessable(errors);
      await writeIfVersion(next, version, (plan, v) => updatePlanIfVersion(m, plan, v), () => findPlan(m, ctx.planId));
      // Agency members without their own accessUntil follow the contract end as it is now.
      if (next.contractEndDate !== current.contractEndDate) await invalidateRoles(this.deps.db, m, ctx.planId);
      await this.activity.log(m, ctx, 'update', 'plan', ctx.planId, diff(withoutMeta(current), withoutMeta(next)));
      return next;
    });
  }

  async members(ctx: PlanCtx, q: PageQuery = { limit: MAX_LIMIT, offset: 0 }): Promise<Page<Member>> {
    return this.deps.db.read((m) => listMembers(m, ctx.planId, q));
  }

  /**
   * Add a member, or replace their role and accessUntil (left out: none, so an agency member
   * follows the plan's contract end; docs/domain.md#access-lifecycle); `created` tells the route
   * whether to answer 201 or 200.
   */
  async putMember(ctx: PlanCtx, userId: string, input: { role: Role; accessUntil?: string | null | undefined }): Promise<{ member: Member; created: boolean }> {
    const { role } = input;
    const accessUntil = input.accessUntil ?? null;
    return this.write(ctx, async (m) => {
      // Serialise membership changes per plan, so racing PUTs/DELETEs read what the other wrote.
      await this.deps.db.lockPlan(m, ctx.planId);
      await invalidateRoles(this.deps.db, m, ctx.planId);
      const user = await findUser(m, userId);
      if (!user) throw notFound('user');
      const plan = await findPlan(m, ctx.planId);
      const existing = await findMembership(m, ctx.planId, userId);
      const member: Member = {
        userId,
        email: user.email,
        name: user.name,
        role,
        accessUntil,
        effectiveAccessUntil: effectiveAccessUntil(role, accessUntil, plan.contractEndDate),
      };
      if (existing?.role === role && existing.accessUntil === accessUntil) return { member, created: false };
      if (existing?.role === 'lead' && role !== 'lead') await assertNotLastLead(m, ctx.planId, 'demoted');
      await putMembership(m, ctx.planId, userId, { role, accessUntil }, existing !== null, this.deps.clock.now().toISOString());
      const changes = existing ? diff(existing, { role, accessUntil }) : { email: user.email, role, accessUntil };
      await this.activity.log(m, ctx, existing ? 'update' : 'create', 'member', userId, changes);
      return { member, created: !existing };
    });
  }

  async removeMember(ctx: PlanCtx, userId: string): Promise<void> {
    await this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      await invalidateRoles(this.deps.db, m, ctx.planId);
      const existing = await findMemberRole(m, ctx.planId, userId);
      if (!existing) throw notFound('member');
      if (existing === 'lead') await assertNotLastLead(m, ctx.planId, 'removed');
      await deleteMember(m, ctx.planId, userId);
      await this.activity.log(m, ctx, 'delete', 'member', userId, { role: existing });
    });
  }
}

/** A plan that has a lead keeps one (docs/domain.md#who-may-do-what): 409 `last-lead` otherwise. */
async function assertNotLastLead(m: Tx, planId: string, what: 'demoted' | 'removed'): Promise<void> {
  if ((await countLeads(m, planId)) <= 1) {
    throw conflict(`This is the plan's only lead and cannot be ${what}: make someone else a lead first.`, 'last-lead');
  }
}

/** What a create or an edit logs: `exitedAt` is the exit's own entry (docs/domain.md#ending-the-agency). */
function withoutMeta(p: Plan): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, exitedAt: _e, exitOverrideReason: _r, ...rest } = p;
  return rest;
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
