import { ActivitySchema, ROUTES, pageOf, pathTo } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const ActivityPage = pageOf(ActivitySchema);

export type ActivityFilters = { entity?: string; action?: string; actorId?: string; entityId?: string };

export const getActivity = (planId: string, filters: ActivityFilters, offset: number, limit = 50) =>
  request(pathTo(ROUTES.activity, { planId }, { ...filters, offset, limit }), ActivityPage);

export const activityQueryOptions = (planId: string, filters: ActivityFilters, offset: number) =>
  queryOptions({ queryKey: queryKeys.activity(planId, filters, offset), queryFn: () => getActivity(planId, filters, offset), placeholderData: keepPreviousData });
export const useActivity = (planId: string, filters: ActivityFilters, offset: number) => useQuery(activityQueryOptions(planId, filters, offset));
