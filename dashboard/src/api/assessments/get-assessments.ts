import { AssessmentSchema, ROUTES, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const AssessmentPage = pageOf(AssessmentSchema);

/** The latest assessments, newest first. */
export const getAssessments = (planId: string, limit = 20) => request(pathTo(ROUTES.assessments, { planId }, { limit }), AssessmentPage);
export const assessmentsQueryOptions = (planId: string, enabled = true) =>
  queryOptions({ queryKey: queryKeys.assessments(planId), queryFn: () => getAssessments(planId), enabled });
export const useAssessments = (planId: string, enabled = true) => useQuery(assessmentsQueryOptions(planId, enabled));
