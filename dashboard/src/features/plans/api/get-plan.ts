import { PlanSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

export const getPlan = (planId: string) => request(`/plans/${planId}`, PlanSchema);
export const planQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'plan'), queryFn: () => getPlan(planId) });
export const usePlan = (planId: string) => useQuery(planQueryOptions(planId));
