import type { Coverage } from '@handover/shared';
import type { Db, Tx } from '../../db/data-source';
import { currentLevels, skillsForCoverage } from '../../db/repositories/skills.repository';

/**
 * Coverage (docs/domain.md#coverage): qualifiedPeople = people whose current level >= requiredLevel;
 * gap = max(0, requiredPeople − qualifiedPeople); closedShare = 1 − Σgap / ΣrequiredPeople (1 with no skills).
 */
export async function computeCoverage(db: Db, m: Tx, planId: string): Promise<Coverage> {
  const skills = await skillsForCoverage(m, planId);
  const levels = await currentLevels(db, m, planId);
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
