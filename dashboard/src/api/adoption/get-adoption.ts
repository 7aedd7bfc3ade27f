import { AdoptionSeriesSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const getAdoption = (planId: string) => request(pathTo(ROUTES.adoption, { planId }), AdoptionSeriesSchema);
export const adoptionQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.adoption(planId), queryFn: () => getAdoption(planId) });
export const useAdoption = (planId: string) => useQuery(adoptionQueryOptions(planId));
