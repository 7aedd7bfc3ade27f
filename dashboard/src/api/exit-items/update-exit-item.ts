import { ExitItemSchema, ROUTES, pathTo, type UpdateExitItem } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** PATCH with If-Match: the version the user saw; a newer one on the server answers 412. */
export const updateExitItem = (planId: string, exitItemId: string, version: number, body: UpdateExitItem) =>
  request(pathTo(ROUTES.exitItem, { planId, exitItemId }), ExitItemSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdateExitItem(planId: string) {
  const invalidate = useInvalidate(planId, 'exitItems');
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateExitItem }) => updateExitItem(planId, id, version, body),
    onSettled: invalidate,
  });
}
