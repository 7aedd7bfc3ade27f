import type { Coverage, Person, Skill } from '@handover/shared';
import type { Db, Tx } from '../../db/data-source';
import { allPeople } from '../../db/repositories/people.repository';
import { allSkills, currentLevels, skillsForCoverage, type CurrentLevel } from '../../db/repositories/skills.repository';
import { endOfDay, peopleAsOf, skillsAsOf } from '../history/as-of';

/** People, skills and each person's level per skill, now or at the end of `asOf` (docs/domain.md#as-of). */
export async function skillsState(
  db: Db,
  m: Tx,
  planId: string,
  asOf?: string,
  order: 'matrix' | 'coverage' = 'coverage',
): Promise<{ people: Person[]; skills: Skill[]; levels: CurrentLevel[] }> {
  if (!asOf) {
    const skills = order === 'matrix' ? await allSkills(m, planId) : await skillsForCoverage(m, planId);
    return { people: await allPeople(m, planId), skills, levels: await currentLevels(db, m, planId) };
  }
  const people = await peopleAsOf(m, planId, asOf);
  const skills = await skillsAsOf(m, planId, asOf);
  const known = new Set(people.map((p) => p.id));
  const levels = (await currentLevels(db, m, planId, endOfDay(asOf))).filter((l) => known.has(l.personId));
  return { people, skills, levels };
}

/**
 * Coverage (docs/domain.md#coverage): qualifiedPeople = people whose current level >= requiredLevel;
 * gap = max(0, requiredPeople − qualifiedPeople); closedShare = 1 − Σgap / ΣrequiredPeople (1 with no skills).
 */
export async function computeCoverage(db: Db, m: Tx, planId: string, asOf?: string): Promise<Coverage> {
  const { skills, levels } = await skillsState(db, m, planId, asOf);
  const bySkill = new Map<string, number[]>();
  for (const l of levels) bySkill.set(l.skillId, [...(bySkill.get(l.skillId) ?? []), l.level]);
  const items = skills.map((s) => {
    const qualifiedPeople = (bySkill.get(s.id) ?? []).filter((level) => level >= s.requiredLevel).length;
    return {
      skillId: s.id,
      name: s.name,
      category: s.category,
      requiredLevel: s.requiredLevel,
      requiredPeople: s.requiredPeople,
      qualifiedPeople,
      gap: Math.max(0, s.requiredPeople - qualifiedPeople),
      critical: s.critical,
    };
  });
  const required = items.reduce((sum, i) => sum + i.requiredPeople, 0);
  const gap = items.reduce((sum, i) => sum + i.gap, 0);
  return { items, totals: { required, gap, closedShare: required === 0 ? 1 : 1 - gap / required } };
}
