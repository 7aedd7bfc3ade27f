import { CoverageSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

export const getCoverage = (planId: string) => request(`/plans/${planId}/skills/coverage`, CoverageSchema);
export const coverageQueryOptions = (planId: string) =>
  queryOptions({ queryKey: planKey(planId, 'skills', 'coverage'), queryFn: () => getCoverage(planId) });
export const useCoverage = (planId: string) => useQuery(coverageQueryOptions(planId));
