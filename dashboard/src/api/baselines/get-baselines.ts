import { BaselineSchema, ROUTES, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const BaselinePage = pageOf(BaselineSchema);

/** The plan's baselines; milestones report their slip against the latest. */
export const getBaselines = (planId: string) =>
  requestAll((offset, limit) => request(pathTo(ROUTES.baselines, { planId }, { offset, limit }), BaselinePage));
export const baselinesQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.baselines(planId), queryFn: () => getBaselines(planId) });
export const useBaselines = (planId: string) => useQuery(baselinesQueryOptions(planId));
