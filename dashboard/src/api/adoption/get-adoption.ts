import { AdoptionSeriesSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** The weekly adoption samples up to `to` (every one when absent). */
export const getAdoption = (planId: string, to?: string) => request(pathTo(ROUTES.adoption, { planId }, { to }), AdoptionSeriesSchema);
export const adoptionQueryOptions = (planId: string, to?: string) =>
  queryOptions({ queryKey: queryKeys.adoption(planId, to), queryFn: () => getAdoption(planId, to) });
export const useAdoption = (planId: string, to?: string) => useQuery(adoptionQueryOptions(planId, to));
