import type { Page, Skill, SkillListQuerySchema } from '@handover/shared';
import type { z } from 'zod';
import type { Db, Tx } from '../data-source';
import { SkillEntity } from '../entities/skill.entity';
import { byName, findInPlan, pageFrom } from './common';
import { toSkill } from './skill.mapper';

export function listSkills(m: Tx, planId: string, q: z.output<typeof SkillListQuerySchema>): Promise<Page<Skill>> {
  const qb = m.getRepository(SkillEntity).createQueryBuilder('s').where('s.plan_id = :planId', { planId });
  if (q.category !== undefined) qb.andWhere('s.category = :category', { category: q.category });
  // A literal, not a parameter: better-sqlite3 cannot bind booleans.
  if (q.critical !== undefined) qb.andWhere(`s.critical = ${q.critical ? 'TRUE' : 'FALSE'}`);
  return pageFrom(byName(qb, 's'), q, toSkill);
}

/** Every skill of the plan, by name. */
export async function allSkills(m: Tx, planId: string): Promise<Skill[]> {
  const rows = await byName(m.getRepository(SkillEntity).createQueryBuilder('s'), 's').where('s.plan_id = :planId', { planId }).getMany();
  return rows.map(toSkill);
}

/** Every skill of the plan by name with ties by id, as coverage lists them. */
export async function skillsForCoverage(m: Tx, planId: string): Promise<Skill[]> {
  const rows = await m.getRepository(SkillEntity).find({ where: { planId }, order: { name: 'ASC', id: 'ASC' } });
  return rows.map(toSkill);
}

export async function findSkill(m: Tx, planId: string, id: string): Promise<Skill> {
  return toSkill(await findInPlan(m, SkillEntity, planId, id, 'skill'));
}

export const skillExists = (m: Tx, planId: string, id: string): Promise<boolean> =>
  m.getRepository(SkillEntity).exists({ where: { id, planId } });

/** Id and name of every skill of the plan: names are compared regardless of case, in code. */
export const skillNames = (m: Tx, planId: string): Promise<Array<{ id: string; name: string }>> =>
  m.getRepository(SkillEntity).find({ where: { planId }, select: { id: true, name: true } });

export const countSkills = (m: Tx, planId: string): Promise<number> => m.getRepository(SkillEntity).count({ where: { planId } });

export async function insertSkill(m: Tx, s: Skill): Promise<void> {
  await m.getRepository(SkillEntity).insert(s);
}

export async function updateSkill(m: Tx, planId: string, id: string, set: Partial<Omit<Skill, 'id' | 'planId' | 'createdAt'>>): Promise<void> {
  await m.getRepository(SkillEntity).update({ id, planId }, set);
}

export async function deleteSkill(m: Tx, planId: string, id: string): Promise<void> {
  await m.getRepository(SkillEntity).delete({ id, planId });
}

export type CurrentLevel = { personId: string; skillId: string; level: number; assessedAt: string };

/**
 * Each person's current level per skill: the latest assessment by assessedAt, ties to the later
 * recorded; with `before`, only assessments dated before that instant count.
 */
export async function currentLevels(db: Db, m: Tx, planId: string, before?: string): Promise<CurrentLevel[]> {
  const rows: Array<{ person_id: string; skill_id: string; level: number | string; assessed_at: string }> = await m.query(
    `SELECT person_id, skill_id, level, assessed_at FROM (
       SELECT person_id, skill_id, level, assessed_at,
              ROW_NUMBER() OVER (PARTITION BY person_id, skill_id ORDER BY assessed_at DESC, seq DESC) AS rn
       FROM assessments WHERE plan_id = ${db.param(1)}${before ? ` AND assessed_at < ${db.param(2)}` : ''}
     ) latest WHERE rn = 1`,
    before ? [planId, before] : [planId],
  );
  return rows.map((r) => ({ personId: r.person_id, skillId: r.skill_id, level: Number(r.level), assessedAt: r.assessed_at }));
}
