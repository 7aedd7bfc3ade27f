import { MilestoneSchema, ROUTES, pageOf, pathTo, type MilestoneStatus, type Phase } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const MilestonePage = pageOf(MilestoneSchema);

/** `asOf`: the milestones as they stood at the end of that day; overdue is judged on it. */
export type MilestoneFilters = { phase?: Phase; status?: MilestoneStatus; overdue?: boolean; asOf?: string };

/** Every milestone that matches the filters; without filters, all of them (progress by phase, dependencies). */
export const getMilestones = (planId: string, filters: MilestoneFilters = {}) =>
  requestAll((offset, limit) =>
    request(
      pathTo(ROUTES.milestones, { planId }, {
        offset,
        limit,
        phase: filters.phase,
        status: filters.status,
        overdue: filters.overdue ? 'true' : undefined,
        asOf: filters.asOf,
      }),
      MilestonePage,
    ),
  );

export const milestonesQueryOptions = (planId: string, filters: MilestoneFilters = {}) =>
  queryOptions({ queryKey: queryKeys.milestones(planId, filters), queryFn: () => getMilestones(planId, filters), placeholderData: keepPreviousData });

export const useMilestones = (planId: string, filters: MilestoneFilters = {}) => useQuery(milestonesQueryOptions(planId, filters));
