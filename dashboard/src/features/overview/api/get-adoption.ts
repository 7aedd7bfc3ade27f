import { AdoptionSeriesSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

export const getAdoption = (planId: string) => request(`/plans/${planId}/adoption`, AdoptionSeriesSchema);
export const adoptionQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'adoption'), queryFn: () => getAdoption(planId) });
export const useAdoption = (planId: string) => useQuery(adoptionQueryOptions(planId));
