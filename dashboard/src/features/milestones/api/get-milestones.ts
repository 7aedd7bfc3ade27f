import { MilestoneSchema, pageOf, type MilestoneStatus, type Phase } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const MilestonePage = pageOf(MilestoneSchema);

export type MilestoneFilters = { phase?: Phase; status?: MilestoneStatus; overdue?: boolean };

export const getMilestones = (planId: string, filters: MilestoneFilters = {}) =>
  requestAll((offset, limit) =>
    request(`/plans/${planId}/milestones`, MilestonePage, {
      query: { offset, limit, phase: filters.phase, status: filters.status, overdue: filters.overdue ? 'true' : undefined },
    }),
  );

export const milestonesQueryOptions = (planId: string, filters: MilestoneFilters = {}) =>
  queryOptions({ queryKey: planKey(planId, 'milestones', filters), queryFn: () => getMilestones(planId, filters), placeholderData: keepPreviousData });

export const useMilestones = (planId: string, filters: MilestoneFilters = {}) => useQuery(milestonesQueryOptions(planId, filters));
