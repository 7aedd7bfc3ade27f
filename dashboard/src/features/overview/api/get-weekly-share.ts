import { ShareSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

export const getWeeklyShare = (planId: string, from: string, to: string) =>
  request(`/plans/${planId}/posts/share`, ShareSchema, { query: { interval: 'week', from, to } });
export const weeklyShareQueryOptions = (planId: string, from: string, to: string) =>
  queryOptions({ queryKey: planKey(planId, 'share', 'week', from, to), queryFn: () => getWeeklyShare(planId, from, to) });
export const useWeeklyShare = (planId: string, from: string, to: string) => useQuery(weeklyShareQueryOptions(planId, from, to));
