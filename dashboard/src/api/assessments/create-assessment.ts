import { AssessmentSchema, ROUTES, pathTo, type CreateAssessment } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** A new assessment; the history is kept and the latest is the person's current level. */
export const createAssessment = (planId: string, body: CreateAssessment) =>
  request(pathTo(ROUTES.assessments, { planId }), AssessmentSchema, { method: 'POST', json: body });

export function useCreateAssessment(planId: string) {
  const invalidate = useInvalidate(planId, 'skills');
  return useMutation({ mutationFn: (body: CreateAssessment) => createAssessment(planId, body), onSettled: invalidate });
}
