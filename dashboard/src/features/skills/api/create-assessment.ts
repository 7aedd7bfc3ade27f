import { AssessmentSchema, type CreateAssessment } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateSkills } from './invalidate';

/** A new assessment; the history is kept and the latest is the person's current level. */
export const createAssessment = (planId: string, body: CreateAssessment) =>
  request(`/plans/${planId}/assessments`, AssessmentSchema, { method: 'POST', json: body });

export function useCreateAssessment(planId: string) {
  const invalidate = useInvalidateSkills(planId);
  return useMutation({ mutationFn: (body: CreateAssessment) => createAssessment(planId, body), onSettled: invalidate });
}
