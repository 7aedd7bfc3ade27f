import { MatrixSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** People x skills current levels; leads and executives only (`enabled` false for the others). */
export const getMatrix = (planId: string) => request(pathTo(ROUTES.skillsMatrix, { planId }), MatrixSchema);
export const matrixQueryOptions = (planId: string, enabled = true) =>
  queryOptions({ queryKey: queryKeys.matrix(planId), queryFn: () => getMatrix(planId), enabled });
export const useMatrix = (planId: string, enabled = true) => useQuery(matrixQueryOptions(planId, enabled));
