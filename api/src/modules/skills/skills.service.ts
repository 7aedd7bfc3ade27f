import { randomUUID } from 'node:crypto';
import type {
  Assessment,
  AssessmentListQuerySchema,
  Coverage,
  CreateAssessmentSchema,
  CreateSkillSchema,
  Matrix,
  Page,
  Skill,
  SkillListQuerySchema,
  UpdateSkillSchema,
} from '@handover/shared';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/data-source';
import type { Deps } from '../../deps';
import type { PlanCtx } from '../../http/context';
import { conflict, notFound, unprocessable, type FieldError } from '../../http/problem';
import { diff, type ActivityService } from '../activity/activity.service';
import { toPerson } from '../people/person.mapper';
import { byName } from '../people/people.service';
import { PersonEntity } from '../people/person.entity';
import { AssessmentEntity } from './assessment.entity';
import { computeCoverage, currentLevels } from './coverage';
import { skillSnapshot, toAssessment, toSkill } from './skill.mapper';
import { SkillEntity } from './skill.entity';

type SkillListQuery = z.output<typeof SkillListQuerySchema>;
type AssessmentListQuery = z.output<typeof AssessmentListQuerySchema>;

export class SkillsService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
  ) {}

  async list(ctx: PlanCtx, q: SkillListQuery): Promise<Page<Skill>> {
    return this.deps.db.read(async (m) => {
      const qb = m.getRepository(SkillEntity).createQueryBuilder('s').where('s.plan_id = :planId', { planId: ctx.planId });
      if (q.category !== undefined) qb.andWhere('s.category = :category', { category: q.category });
      // A literal, not a parameter: better-sqlite3 cannot bind booleans.
      if (q.critical !== undefined) qb.andWhere(`s.critical = ${q.critical ? 'TRUE' : 'FALSE'}`);
      const [rows, total] = await byName(qb, 's')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toSkill), total, limit: q.limit, offset: q.offset };
    });
  }

  async get(ctx: PlanCtx, id: string): Promise<Skill> {
    return this.deps.db.read(async (m) => toSkill(await findSkill(m, ctx.planId, id)));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateSkillSchema>): Promise<Skill> {
    return this.deps.db.write(async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      await assertNameFree(m, ctx.planId, input.name);
      const now = this.deps.clock.now().toISOString();
      const row: SkillEntity = {
        id: randomUUID(),
        planId: ctx.planId,
        name: input.name,
        category: input.category ?? null,
        requiredLevel: input.requiredLevel,
        requiredPeople: input.requiredPeople,
        critical: input.critical,
        createdAt: now,
        updatedAt: now,
      };
      await insertOrConflict(() => m.getRepository(SkillEntity).insert(row), input.name);
      const dto = toSkill(row);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'create',
        entity: 'skill',
        entityId: row.id,
        changes: skillSnapshot(dto),
      });
      return dto;
    });
  }

  /** Skills are not versioned: the last edit wins. An edit that changes nothing writes nothing. */
  async update(ctx: PlanCtx, id: string, input: z.output<typeof UpdateSkillSchema>): Promise<Skill> {
    return this.deps.db.write(async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      const row = await findSkill(m, ctx.planId, id);
      const before = toSkill(row);
      const next = {
        name: input.name ?? before.name,
        category: input.category !== undefined ? input.category : before.category,
        requiredLevel: input.requiredLevel ?? before.requiredLevel,
        requiredPeople: input.requiredPeople ?? before.requiredPeople,
        critical: input.critical ?? before.critical,
      };
      const changes = diff(skillSnapshot(before), next);
      if (!Object.keys(changes).length) return before;
      if (next.name !== before.name) await assertNameFree(m, ctx.planId, next.name, id);
      const updatedAt = this.deps.clock.now().toISOString();
      await insertOrConflict(
        () => m.getRepository(SkillEntity).update({ id, planId: ctx.planId }, { ...next, updatedAt }),
        next.name,
      );
      await this.activity.record(m, ctx, ctx.planId, { action: 'update', entity: 'skill', entityId: id, changes });
      return { ...before, ...next, updatedAt };
    });
  }

  /** Removes the skill and every assessment in it. */
  async remove(ctx: PlanCtx, id: string): Promise<void> {
    await this.deps.db.write(async (m) => {
      // Serialised with assessment writes, so none lands between counting and removing.
      await this.deps.db.lockPlan(m, ctx.planId);
      const row = await findSkill(m, ctx.planId, id);
      const assessments = await m.getRepository(AssessmentEntity).delete({ planId: ctx.planId, skillId: id });
      await m.getRepository(SkillEntity).delete({ id, planId: ctx.planId });
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'skill',
        entityId: id,
        changes: { ...skillSnapshot(toSkill(row)), assessmentsRemoved: assessments.affected ?? 0 },
      });
    });
  }

  async coverage(ctx: PlanCtx): Promise<Coverage> {
    return this.deps.db.read((m) => computeCoverage(this.deps.db, m, ctx.planId));
  }

  /** Every person × every skill, with the current level (0 and no date when never assessed). */
  async matrix(ctx: PlanCtx): Promise<Matrix> {
    return this.deps.db.read(async (m) => {
      const people = await byName(m.getRepository(PersonEntity).createQueryBuilder('p'), 'p')
        .where('p.plan_id = :planId', { planId: ctx.planId })
        .getMany();
      const skills = await byName(m.getRepository(SkillEntity).createQueryBuilder('s'), 's')
        .where('s.plan_id = :planId', { planId: ctx.planId })
        .getMany();
      const levels = await currentLevels(this.deps.db, m, ctx.planId);
      const current = new Map(levels.map((l) => [`${l.personId}/${l.skillId}`, l]));
      return {
        people: people.map(toPerson).map(({ id, name, title }) => ({ id, name, title })),
        skills: skills.map(toSkill).map(({ id, name, category, requiredLevel, critical }) => ({
          id,
          name,
          category,
          requiredLevel,
          critical,
        })),
        cells: people.flatMap((p) =>
          skills.map((s) => {
            const c = current.get(`${p.id}/${s.id}`);
            return { personId: p.id, skillId: s.id, level: c?.level ?? 0, assessedAt: c?.assessedAt ?? null };
          }),
        ),
      };
    });
  }

  /** History, newest first; among equal assessedAt the later recorded comes first (it is the current one). */
  async listAssessments(ctx: PlanCtx, q: AssessmentListQuery): Promise<Page<Assessment>> {
    return this.deps.db.read(async (m) => {
      const qb = m
        .getRepository(AssessmentEntity)
        .createQueryBuilder('a')
        .where('a.plan_id = :planId', { planId: ctx.planId });
      if (q.personId) qb.andWhere('a.person_id = :personId', { personId: q.personId });
      if (q.skillId) qb.andWhere('a.skill_id = :skillId', { skillId: q.skillId });
      const [rows, total] = await qb
        .orderBy('a.assessed_at', 'DESC')
        .addOrderBy('a.seq', 'DESC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
      return { items: rows.map(toAssessment), total, limit: q.limit, offset: q.offset };
    });
  }

  async assess(ctx: PlanCtx, input: z.output<typeof CreateAssessmentSchema>): Promise<Assessment> {
    return this.deps.db.write(async (m) => {
      // The plan lock makes max(seq)+1 unique: ties on assessedAt go to the later recorded.
      await this.deps.db.lockPlan(m, ctx.planId);
      const errors: FieldError[] = [];
      const person = await m.getRepository(PersonEntity).exists({ where: { id: input.personId, planId: ctx.planId } });
      if (!person) errors.push({ path: 'personId', message: 'no such person in this plan' });
      const skill = await m.getRepository(SkillEntity).exists({ where: { id: input.skillId, planId: ctx.planId } });
      if (!skill) errors.push({ path: 'skillId', message: 'no such skill in this plan' });
      if (errors.length) throw unprocessable(errors, 'A reference does not exist in this plan.');
      const last = await m
        .getRepository(AssessmentEntity)
        .createQueryBuilder('a')
        .select('MAX(a.seq)', 'max')
        .where('a.plan_id = :planId', { planId: ctx.planId })
        .getRawOne<{ max: number | string | null }>();
      const now = this.deps.clock.now().toISOString();
      const row: AssessmentEntity = {
        id: randomUUID(),
        planId: ctx.planId,
        personId: input.personId,
        skillId: input.skillId,
        level: input.level,
        assessedAt: input.assessedAt ? new Date(input.assessedAt).toISOString() : now,
        seq: Number(last?.max ?? 0) + 1,
        note: input.note ?? null,
        assessedById: ctx.user.id,
        assessedByEmail: ctx.user.email,
        createdAt: now,
      };
      await m.getRepository(AssessmentEntity).insert(row);
      const dto = toAssessment(row);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'create',
        entity: 'assessment',
        entityId: row.id,
        changes: { personId: dto.personId, skillId: dto.skillId, level: dto.level, assessedAt: dto.assessedAt, note: dto.note },
      });
      return dto;
    });
  }
}

export async function findSkill(m: EntityManager, planId: string, id: string): Promise<SkillEntity> {
  const row = await m.getRepository(SkillEntity).findOne({ where: { id, planId } });
  if (!row) throw notFound('skill');
  return row;
}

const duplicate = (name: string) => conflict(`A skill named "${name}" already exists in this plan.`, 'duplicate');

/** Names are unique per plan regardless of case: "Video" and "video" are the same skill to a reader. */
async function assertNameFree(m: EntityManager, planId: string, name: string, exceptId?: string): Promise<void> {
  const skills = await m.getRepository(SkillEntity).find({ where: { planId }, select: { id: true, name: true } });
  const wanted = name.toLocaleLowerCase('en');
  if (skills.some((s) => s.id !== exceptId && s.name.toLocaleLowerCase('en') === wanted)) throw duplicate(name);
}

/** The unique index is the last word if two writers slip past the check. */
async function insertOrConflict(write: () => Promise<unknown>, name: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(name);
    throw error;
  }
}
