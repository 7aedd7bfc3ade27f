import { MatrixSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** People x skills levels as of a day (today when absent); leads and executives only (`enabled` false for the others). */
export const getMatrix = (planId: string, asOf?: string) => request(pathTo(ROUTES.skillsMatrix, { planId }, { asOf }), MatrixSchema);
export const matrixQueryOptions = (planId: string, { asOf, enabled = true }: { asOf?: string; enabled?: boolean } = {}) =>
  queryOptions({ queryKey: queryKeys.matrix(planId, asOf), queryFn: () => getMatrix(planId, asOf), enabled });
export const useMatrix = (planId: string, options: { asOf?: string; enabled?: boolean } = {}) => useQuery(matrixQueryOptions(planId, options));
