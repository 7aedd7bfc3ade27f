import type { Coverage } from '@handover/shared';
import type { EntityManager } from 'typeorm';
import type { Db } from '../../db/data-source';
import { SkillEntity } from './skill.entity';

export type CurrentLevel = { personId: string; skillId: string; level: number; assessedAt: string };

/** Each person's current level per skill: the latest assessment by assessedAt, ties to the later recorded. */
export async function currentLevels(db: Db, m: EntityManager, planId: string): Promise<CurrentLevel[]> {
  const rows: Array<{ person_id: string; skill_id: string; level: number | string; assessed_at: string }> = await m.query(
    `SELECT person_id, skill_id, level, assessed_at FROM (
       SELECT person_id, skill_id, level, assessed_at,
              ROW_NUMBER() OVER (PARTITION BY person_id, skill_id ORDER BY assessed_at DESC, seq DESC) AS rn
       FROM assessments WHERE plan_id = ${db.param(1)}
     ) latest WHERE rn = 1`,
    [planId],
  );
  return rows.map((r) => ({ personId: r.person_id, skillId: r.skill_id, level: Number(r.level), assessedAt: r.assessed_at }));
}

/**
 * DESIGN §5: qualifiedPeople = people whose current level >= requiredLevel;
 * gap = max(0, requiredPeople − qualifiedPeople); closedShare = 1 − Σgap / ΣrequiredPeople (1 with no skills).
 */
export async function computeCoverage(db: Db, m: EntityManager, planId: string): Promise<Coverage> {
  const skills = await m.getRepository(SkillEntity).find({ where: { planId }, order: { name: 'ASC', id: 'ASC' } });
  const levels = await currentLevels(db, m, planId);
  const bySkill = new Map<string, number[]>();
  for (const l of levels) bySkill.set(l.skillId, [...(bySkill.get(l.skillId) ?? []), l.level]);
  const items = skills.map((s) => {
    const requiredLevel = Number(s.requiredLevel);
    const requiredPeople = Number(s.requiredPeople);
    const qualifiedPeople = (bySkill.get(s.id) ?? []).filter((level) => level >= requiredLevel).length;
    return {
      skillId: s.id,
      name: s.name,
      category: s.category,
      requiredLevel,
      requiredPeople,
      qualifiedPeople,
      gap: Math.max(0, requiredPeople - qualifiedPeople),
      critical: Boolean(s.critical),
    };
  });
  const required = items.reduce((sum, i) => sum + i.requiredPeople, 0);
  const gap = items.reduce((sum, i) => sum + i.gap, 0);
  return { items, totals: { required, gap, closedShare: required === 0 ? 1 : 1 - gap / required } };
}
