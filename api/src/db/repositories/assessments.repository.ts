import type { Assessment, AssessmentListQuerySchema, Page } from '@handover/shared';
import type { z } from 'zod';
import type { Tx } from '../data-source';
import { AssessmentEntity } from '../entities/assessment.entity';
import { nextSeq, pageFrom } from './common';
import { toAssessment } from './skill.mapper';

/** History, newest first; among equal assessedAt the later recorded comes first (it is the current one). */
export function listAssessments(m: Tx, planId: string, q: z.output<typeof AssessmentListQuerySchema>): Promise<Page<Assessment>> {
  const qb = m.getRepository(AssessmentEntity).createQueryBuilder('a').where('a.plan_id = :planId', { planId });
  if (q.personId) qb.andWhere('a.person_id = :personId', { personId: q.personId });
  if (q.skillId) qb.andWhere('a.skill_id = :skillId', { skillId: q.skillId });
  return pageFrom(qb.orderBy('a.assessed_at', 'DESC').addOrderBy('a.seq', 'DESC'), q, toAssessment);
}

/** Record an assessment; call under the plan lock, which makes max(seq) + 1 unique. */
export async function insertAssessment(m: Tx, a: Omit<AssessmentEntity, 'seq'>): Promise<Assessment> {
  const row: AssessmentEntity = { ...a, seq: await nextSeq(m, AssessmentEntity, 'x.plan_id = :planId', { planId: a.planId }) };
  await m.getRepository(AssessmentEntity).insert(row);
  return toAssessment(row);
}

/** Remove the assessments of a person or of a skill; how many went. */
export async function deleteAssessmentsOf(m: Tx, planId: string, of: { personId: string } | { skillId: string }): Promise<number> {
  const result = await m.getRepository(AssessmentEntity).delete({ planId, ...of });
  return result.affected ?? 0;
}
