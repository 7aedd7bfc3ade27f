import { MilestoneSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const getMilestone = (planId: string, milestoneId: string) => request(pathTo(ROUTES.milestone, { planId, milestoneId }), MilestoneSchema);

export const milestoneQueryOptions = (planId: string, milestoneId: string) =>
  queryOptions({ queryKey: queryKeys.milestone(planId, milestoneId), queryFn: () => getMilestone(planId, milestoneId) });

export const useMilestone = (planId: string, milestoneId: string) => useQuery(milestoneQueryOptions(planId, milestoneId));
