import type { Assessment, Skill } from '@handover/shared';
import type { AssessmentEntity } from '../entities/assessment.entity';
import type { SkillEntity } from '../entities/skill.entity';

/** SQLite hands booleans back as 0/1, PostgreSQL as booleans (or 't'/'f' in raw rows). */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}

export const toSkill = (s: SkillEntity): Skill => ({
  id: s.id,
  planId: s.planId,
  name: s.name,
  category: s.category ?? null,
  requiredLevel: Number(s.requiredLevel),
  requiredPeople: Number(s.requiredPeople),
  critical: toBool(s.critical),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** What the activity log keeps of a skill. */
export function skillSnapshot(s: Skill): Record<string, unknown> {
  const { id: _i, planId: _p, createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
}

export const toAssessment = (a: AssessmentEntity): Assessment => ({
  id: a.id,
  planId: a.planId,
  personId: a.personId,
  skillId: a.skillId,
  level: Number(a.level),
  assessedAt: a.assessedAt,
  note: a.note ?? null,
  assessedBy: { id: a.assessedById, email: a.assessedByEmail },
  createdAt: a.createdAt,
});
