import { AssessmentSchema, pageOf } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const AssessmentPage = pageOf(AssessmentSchema);

export const getAssessments = (planId: string, limit = 20) => request(`/plans/${planId}/assessments`, AssessmentPage, { query: { limit } });
export const assessmentsQueryOptions = (planId: string, enabled = true) =>
  queryOptions({ queryKey: planKey(planId, 'skills', 'assessments'), queryFn: () => getAssessments(planId), enabled });
export const useAssessments = (planId: string, enabled = true) => useQuery(assessmentsQueryOptions(planId, enabled));
