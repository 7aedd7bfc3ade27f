import { MatrixSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

export const getMatrix = (planId: string) => request(`/plans/${planId}/skills/matrix`, MatrixSchema);
export const matrixQueryOptions = (planId: string, enabled: boolean) =>
  queryOptions({ queryKey: planKey(planId, 'skills', 'matrix'), queryFn: () => getMatrix(planId), enabled });
export const useMatrix = (planId: string, enabled: boolean) => useQuery(matrixQueryOptions(planId, enabled));
