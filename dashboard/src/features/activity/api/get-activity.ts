import { ActivitySchema, pageOf } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const ActivityPage = pageOf(ActivitySchema);

export type ActivityFilters = { entity?: string; action?: string; actorId?: string };

export const getActivity = (planId: string, filters: ActivityFilters, offset: number, limit = 50) =>
  request(`/plans/${planId}/activity`, ActivityPage, { query: { ...filters, offset, limit } });

export const activityQueryOptions = (planId: string, filters: ActivityFilters, offset: number) =>
  queryOptions({ queryKey: planKey(planId, 'activity', filters, offset), queryFn: () => getActivity(planId, filters, offset), placeholderData: keepPreviousData });
export const useActivity = (planId: string, filters: ActivityFilters, offset: number) => useQuery(activityQueryOptions(planId, filters, offset));
