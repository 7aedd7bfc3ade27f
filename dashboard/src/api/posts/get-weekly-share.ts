import { ROUTES, ShareSchema, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Posts per week by who made them, and the in-house share of each week. */
export const getWeeklyShare = (planId: string, from: string, to: string) =>
  request(pathTo(ROUTES.postsShare, { planId }, { interval: 'week', from, to }), ShareSchema);
export const weeklyShareQueryOptions = (planId: string, from: string, to: string) =>
  queryOptions({ queryKey: queryKeys.weeklyShare(planId, from, to), queryFn: () => getWeeklyShare(planId, from, to) });
export const useWeeklyShare = (planId: string, from: string, to: string) => useQuery(weeklyShareQueryOptions(planId, from, to));
