import { PlanSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const getPlan = (planId: string) => request(pathTo(ROUTES.plan, { planId }), PlanSchema);
export const planQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.planDetail(planId), queryFn: () => getPlan(planId) });
export const usePlan = (planId: string) => useQuery(planQueryOptions(planId));
