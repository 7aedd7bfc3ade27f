import {
  MAX_SKILLS_PER_PLAN,
  type Assessment,
  type AssessmentListQuerySchema,
  type Coverage,
  type CreateAssessmentSchema,
  type CreateSkillSchema,
  type Matrix,
  type MatrixQuery,
  type Page,
  type Skill,
  type SkillListQuerySchema,
  type UpdateSkillSchema,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, unprocessable, type FieldError } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { isUniqueViolation, type Tx } from '../../db/data-source';
import { deleteAssessmentsOf, insertAssessment, listAssessments } from '../../db/repositories/assessments.repository';
import { personExists } from '../../db/repositories/people.repository';
import { skillSnapshot } from '../../db/repositories/skill.mapper';
import {
  countSkills,
  deleteSkill,
  findSkill,
  insertSkill,
  listSkills,
  skillExists,
  skillNames,
  updateSkill,
} from '../../db/repositories/skills.repository';
import { diff } from '../activity/activity.service';
import { ResourceService } from '../service';
import { computeCoverage, skillsState } from './coverage';

export class SkillsService extends ResourceService {
  list(ctx: PlanCtx, q: z.output<typeof SkillListQuerySchema>): Promise<Page<Skill>> {
    return this.deps.db.read((m) => listSkills(m, ctx.planId, q));
  }

  get(ctx: PlanCtx, id: string): Promise<Skill> {
    return this.deps.db.read((m) => findSkill(m, ctx.planId, id));
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreateSkillSchema>): Promise<Skill> {
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      await assertNameFree(m, ctx.planId, input.name);
      if ((await countSkills(m, ctx.planId)) >= MAX_SKILLS_PER_PLAN) {
        throw conflict(`A plan holds at most ${MAX_SKILLS_PER_PLAN} skills; remove one before adding another.`);
      }
      const now = this.deps.clock.now().toISOString();
      const skill: Skill = {
        id: newId(),
        planId: ctx.planId,
        name: input.name,
        category: input.category ?? null,
        requiredLevel: input.requiredLevel,
        requiredPeople: input.requiredPeople,
        critical: input.critical,
        createdAt: now,
        updatedAt: now,
      };
      await orConflict(() => insertSkill(m, skill), input.name);
      await this.activity.log(m, ctx, 'create', 'skill', skill.id, skillSnapshot(skill));
      return skill;
    });
  }

  /** Skills are not versioned: the last edit wins. An edit that changes nothing writes nothing. */
  async update(ctx: PlanCtx, id: string, input: z.output<typeof UpdateSkillSchema>): Promise<Skill> {
    return this.write(ctx, async (m) => {
      await this.deps.db.lockPlan(m, ctx.planId);
      const before = await findSkill(m, ctx.planId, id);
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
      await orConflict(() => updateSkill(m, ctx.planId, id, { ...next, updatedAt }), next.name);
      await this.activity.log(m, ctx, 'update', 'skill', id, changes);
      return { ...before, ...next, updatedAt };
    });
  }

  /** Removes the skill and every assessment in it. */
  async remove(ctx: PlanCtx, id: string): Promise<void> {
    await this.write(ctx, async (m) => {
      // Serialised with assessment writes, so none lands between counting and removing.
      await this.deps.db.lockPlan(m, ctx.planId);
      const skill = await findSkill(m, ctx.planId, id);
      const assessmentsRemoved = await deleteAssessmentsOf(m, ctx.planId, { skillId: id });
      await deleteSkill(m, ctx.planId, id);
      await this.activity.log(m, ctx, 'delete', 'skill', id, { ...skillSnapshot(skill), assessmentsRemoved });
    });
  }

  coverage(ctx: PlanCtx, asOf?: string): Promise<Coverage> {
    return this.deps.db.read((m) => computeCoverage(this.deps.db, m, ctx.planId, asOf));
  }

  /**
   * A page of people × every skill, with the current level (0 and no date when never assessed).
   * Bounded: at most 200 people a page and MAX_SKILLS_PER_PLAN skills (docs/domain.md#coverage).
   */
  async matrix(ctx: PlanCtx, q: MatrixQuery): Promise<Matrix> {
    return this.deps.db.read(async (m) => {
      const state = await skillsState(this.deps.db, m, ctx.planId, q.asOf, 'matrix');
      const { skills, levels } = state;
      const people = state.people.slice(q.offset, q.offset + q.limit);
      const current = new Map(levels.map((l) => [`${l.personId}/${l.skillId}`, l]));
      return {
        total: state.people.length,
        limit: q.limit,
        offset: q.offset,
        people: people.map(({ id, name, title }) => ({ id, name, title })),
        skills: skills.map(({ id, name, category, requiredLevel, critical }) => ({ id, name, category, requiredLevel, critical })),
        cells: people.flatMap((p) =>
          skills.map((s) => {
            const c = current.get(`${p.id}/${s.id}`);
            return { personId: p.id, skillId: s.id, level: c?.level ?? 0, assessedAt: c?.assessedAt ?? null };
          }),
        ),
      };
    });
  }

  listAssessments(ctx: PlanCtx, q: z.output<typeof AssessmentListQuerySchema>): Promise<Page<Assessment>> {
    return this.deps.db.read((m) => listAssessments(m, ctx.planId, q));
  }

  async assess(ctx: PlanCtx, input: z.output<typeof CreateAssessmentSchema>): Promise<Assessment> {
    return this.write(ctx, async (m) => {
      // The plan lock makes the sequence number unique: ties on assessedAt go to the later recorded.
      await this.deps.db.lockPlan(m, ctx.planId);
      const errors: FieldError[] = [];
      if (!(await personExists(m, ctx.planId, input.personId))) errors.push({ path: 'personId', message: 'no such person in this plan' });
      if (!(await skillExists(m, ctx.planId, input.skillId))) errors.push({ path: 'skillId', message: 'no such skill in this plan' });
      if (errors.length) throw unprocessable(errors, 'A reference does not exist in this plan.');
      const now = this.deps.clock.now().toISOString();
      const assessment = await insertAssessment(m, {
        id: newId(),
        planId: ctx.planId,
        personId: input.personId,
        skillId: input.skillId,
        level: input.level,
        assessedAt: input.assessedAt ? new Date(input.assessedAt).toISOString() : now,
        note: input.note ?? null,
        assessedById: ctx.user.id,
        assessedByEmail: ctx.user.email,
        createdAt: now,
      });
      const { personId, skillId, level, assessedAt, note } = assessment;
      await this.activity.log(m, ctx, 'create', 'assessment', assessment.id, { personId, skillId, level, assessedAt, note });
      return assessment;
    });
  }
}

const duplicate = (name: string) => conflict(`A skill named "${name}" already exists in this plan.`, 'duplicate');

/** Names are unique per plan regardless of case: "Video" and "video" are the same skill to a reader. */
async function assertNameFree(m: Tx, planId: string, name: string, exceptId?: string): Promise<void> {
  const wanted = name.toLocaleLowerCase('en');
  const skills = await skillNames(m, planId);
  if (skills.some((s) => s.id !== exceptId && s.name.toLocaleLowerCase('en') === wanted)) throw duplicate(name);
}

/** The unique index is the last word if two writers slip past the check. */
async function orConflict(write: () => Promise<unknown>, name: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(name);
    throw error;
  }
}
