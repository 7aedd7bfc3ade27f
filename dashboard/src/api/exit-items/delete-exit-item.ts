import { ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const deleteExitItem = (planId: string, exitItemId: string, version: number) =>
  request(pathTo(ROUTES.exitItem, { planId, exitItemId }), null, { method: 'DELETE', ifMatch: version });

export function useDeleteExitItem(planId: string) {
  const invalidate = useInvalidate(planId, 'exitItems');
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => deleteExitItem(planId, id, version), onSettled: invalidate });
}
