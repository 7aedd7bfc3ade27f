import { pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { EXIT_ROUTES } from '../exit/routes';
import { useInvalidate } from '../query-keys';

export const deleteExitItem = (planId: string, itemId: string, version: number) =>
  request(pathTo(EXIT_ROUTES.exitItem, { planId, itemId }), null, { method: 'DELETE', ifMatch: version });

export function useDeleteExitItem(planId: string) {
  const invalidate = useInvalidate(planId, 'exitItems');
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => deleteExitItem(planId, id, version), onSettled: invalidate });
}
