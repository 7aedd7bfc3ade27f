import { CoverageSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Each skill's requirement, the people who meet it and the gap. */
export const getCoverage = (planId: string) => request(pathTo(ROUTES.skillsCoverage, { planId }), CoverageSchema);
export const coverageQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.coverage(planId), queryFn: () => getCoverage(planId) });
export const useCoverage = (planId: string) => useQuery(coverageQueryOptions(planId));
