import { CoverageSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Each skill's requirement, the people who meet it and the gap, as of a day (today when absent). */
export const getCoverage = (planId: string, asOf?: string) => request(pathTo(ROUTES.skillsCoverage, { planId }, { asOf }), CoverageSchema);
export const coverageQueryOptions = (planId: string, asOf?: string) =>
  queryOptions({ queryKey: queryKeys.coverage(planId, asOf), queryFn: () => getCoverage(planId, asOf) });
export const useCoverage = (planId: string, asOf?: string) => useQuery(coverageQueryOptions(planId, asOf));
