import { randomUUID } from 'node:crypto';
import {
  DEFAULT_TARGETS,
  MAX_LIMIT,
  type CreatePlanSchema,
  type Member,
  type Page,
  type PageQuery,
  type Plan,
  type Role,
  type UpdatePlanSchema,
} from '@handover/shared';
import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import { forgetRoles } from '../../http/access';
import type { PlanCtx, UserCtx } from '../../http/context';
import { notFound, preconditionFailed, unprocessable } from '../../http/problem';
import { diff, type ActivityService } from '../activity/activity.service';
import { UserEntity } from '../users/user.entity';
import { PlanMemberEntity } from './plan-member.entity';
import { PlanEntity } from './plan.entity';
import { toPlan } from './plan.mapper';

export class PlansService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}

  async create(ctx: UserCtx, input: z.output<typeof CreatePlanSchema>): Promise<Plan> {
    const now = this.deps.clock.now().toISOString();
    const targets = { ...DEFAULT_TARGETS, ...input.targets };
    const leads = [...new Set(input.leads ?? [])];
    return this.deps.db.write(async (m) => {
      if (leads.length) {
        const found = await m.getRepository(UserEntity).find({ where: { id: In(leads) }, select: { id: true } });
        const known = new Set(found.map((u) => u.id));
        const errors = input.leads!.flatMap((id, i) =>
          known.has(id) ? [] : [{ path: `leads.${i}`, message: 'no such user' }],
        );
        if (errors.length) throw unprocessable(errors, 'Some leads are not users.');
      }
      const plan: PlanEntity = {
        id: randomUUID(),
        name: input.name,
        brand: input.brand,
        agencyName: input.agencyName,
        startDate: input.startDate,
        targetExitDate: input.targetExitDate,
        contractEndDate: input.contractEndDate ?? null,
        targetInHouseShare: targets.inHouseShare,
        targetSustainWeeks: targets.sustainWeeks,
        targetInternalAdoption: targets.internalAdoption,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await m.getRepository(PlanEntity).insert(plan);
      for (const userId of leads) {
        await m.getRepository(PlanMemberEntity).insert({ planId: plan.id, userId, role: 'lead', createdAt: now });
      }
      const dto = toPlan(plan);
      await this.activity.record(m, ctx, plan.id, {
        action: 'create',
        entity: 'plan',
        entityId: plan.id,
        changes: { ...withoutMeta(dto), leads },
      });
      return dto;
    });
  }

  async list(ctx: UserCtx, q: PageQuery): Promise<Page<Plan>> {
    return this.deps.db.read(async (m) => {
      const qb = m.getRepository(PlanEntity).createQueryBuilder('p');
      if (!ctx.user.isAdmin) {
        qb.innerJoin(PlanMemberEntity, 'pm', 'pm.plan_id = p.id AND pm.user_id = :userId', { userId: ctx.user.id });
      }
      const [rows, total] = await qb
        .orderBy('p.name', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toPlan), total, limit: q.limit, offset: q.offset };
    });
  }

  async get(ctx: PlanCtx): Promise<Plan> {
    return this.deps.db.read(async (m) => toPlan(await findPlan(m, ctx.planId)));
  }

  async update(ctx: PlanCtx, version: number, input: z.output<typeof UpdatePlanSchema>): Promise<Plan> {
    return this.deps.db.write(async (m) => {
      const before = await findPlan(m, ctx.planId);
      if (before.version !== version) throw preconditionFailed(before.version);
      const current = toPlan(before);
      const next: Plan = {
        ...current,
        ...pick(input, ['name', 'brand', 'agencyName', 'startDate', 'targetExitDate', 'contractEndDate']),
        targets: { ...current.targets, ...input.targets },
      };
      const errors = [];
      if (next.targetExitDate < next.startDate) errors.push({ path: 'targetExitDate', message: 'must not be before startDate' });
      if (next.contractEndDate && next.contractEndDate < next.startDate) {
        errors.push({ path: 'contractEndDate', message: 'must not be before startDate' });
      }
      if (errors.length) throw unprocessable(errors);
      const updatedAt = this.deps.clock.now().toISOString();
      // Conditional on the version read: of two racing edits exactly one matches.
      const result = await m
        .getRepository(PlanEntity)
        .createQueryBuilder()
        .update()
        .set({
          name: next.name,
          brand: next.brand,
          agencyName: next.agencyName,
          startDate: next.startDate,
          targetExitDate: next.targetExitDate,
          contractEndDate: next.contractEndDate,
          targetInHouseShare: next.targets.inHouseShare,
          targetSustainWeeks: next.targets.sustainWeeks,
          targetInternalAdoption: next.targets.internalAdoption,
          version: version + 1,
          updatedAt,
        })
        .where('id = :id AND version = :version', { id: ctx.planId, version })
        .execute();
      if (!result.affected) throw preconditionFailed((await findPlan(m, ctx.planId)).version);
      const after = { ...next, version: version + 1, updatedAt };
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'update',
        entity: 'plan',
        entityId: ctx.planId,
        changes: diff(withoutMeta(current), withoutMeta(after)),
      });
      return after;
    });
  }

  async members(ctx: PlanCtx, q: PageQuery = { limit: MAX_LIMIT, offset: 0 }): Promise<Page<Member>> {
    return this.deps.db.read(async (m) => {
      const base = () =>
        m
          .getRepository(PlanMemberEntity)
          .createQueryBuilder('pm')
          .innerJoin(UserEntity, 'u', 'u.id = pm.user_id')
          .where('pm.plan_id = :planId', { planId: ctx.planId });
      const rows = await base()
        .select(['pm.user_id AS "userId"', 'u.email AS "email"', 'u.name AS "name"', 'pm.role AS "role"'])
        .orderBy('u.email', 'ASC')
        .limit(q.limit)
        .offset(q.offset)
        .getRawMany<Member>();
      const total = await base().getCount();
      return { items: rows, total, limit: q.limit, offset: q.offset };
    });
  }

  /** Add or change a member; `created` tells the router whether to answer 201 or 200. */
  async putMember(ctx: PlanCtx, userId: string, role: Role): Promise<{ member: Member; created: boolean }> {
    return this.deps.db.write(async (m) => {
      forgetRoles(this.deps.db);
      // Serialise membership changes per plan, so racing PUTs/DELETEs read what the other wrote.
      await this.deps.db.lockPlan(m, ctx.planId);
      const user = await m.getRepository(UserEntity).findOne({ where: { id: userId } });
      if (!user) throw notFound('user');
      const repo = m.getRepository(PlanMemberEntity);
      const existing = await repo.findOne({ where: { planId: ctx.planId, userId } });
      const member: Member = { userId, email: user.email, name: user.name, role };
      if (existing?.role === role) return { member, created: false };
      if (existing) await repo.update({ planId: ctx.planId, userId }, { role });
      else await repo.insert({ planId: ctx.planId, userId, role, createdAt: this.deps.clock.now().toISOString() });
      await this.activity.record(m, ctx, ctx.planId, {
        action: existing ? 'update' : 'create',
        entity: 'member',
        entityId: userId,
        changes: existing ? { role: { from: existing.role, to: role } } : { email: user.email, role },
      });
      return { member, created: !existing };
    });
  }

  async removeMember(ctx: PlanCtx, userId: string): Promise<void> {
    await this.deps.db.write(async (m) => {
      forgetRoles(this.deps.db);
      await this.deps.db.lockPlan(m, ctx.planId);
      const repo = m.getRepository(PlanMemberEntity);
      const existing = await repo.findOne({ where: { planId: ctx.planId, userId } });
      if (!existing) throw notFound('member');
      await repo.delete({ planId: ctx.planId, userId });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'member',
        entityId: userId,
        changes: { role: existing.role },
      });
    });
  }
}

export async function findPlan(m: EntityManager, planId: string): Promise<PlanEntity> {
  const plan = await m.getRepository(PlanEntity).findOne({ where: { id: planId } });
  if (!plan) throw notFound('plan');
  return plan;
}

function withoutMeta(p: Plan): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
