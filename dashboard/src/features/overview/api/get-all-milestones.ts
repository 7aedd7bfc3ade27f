import { MilestoneSchema, pageOf } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const MilestonePage = pageOf(MilestoneSchema);

/** Every milestone, for progress by phase and the overdue list (same key as the unfiltered milestones list). */
export const getAllMilestones = (planId: string) =>
  requestAll((offset, limit) => request(`/plans/${planId}/milestones`, MilestonePage, { query: { offset, limit } }));
export const allMilestonesQueryOptions = (planId: string) =>
  queryOptions({ queryKey: planKey(planId, 'milestones', {}), queryFn: () => getAllMilestones(planId) });
export const useAllMilestones = (planId: string) => useQuery(allMilestonesQueryOptions(planId));
