import { MilestoneSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

export const getMilestone = (planId: string, id: string) => request(`/plans/${planId}/milestones/${id}`, MilestoneSchema);

export const milestoneQueryOptions = (planId: string, id: string) =>
  queryOptions({ queryKey: planKey(planId, 'milestones', 'one', id), queryFn: () => getMilestone(planId, id) });

export const useMilestone = (planId: string, id: string) => useQuery(milestoneQueryOptions(planId, id));
