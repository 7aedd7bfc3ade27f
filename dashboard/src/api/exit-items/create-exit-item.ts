import { ExitItemSchema, ROUTES, pathTo, type CreateExitItem } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createExitItem = (planId: string, body: CreateExitItem, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.exitItems, { planId }), ExitItemSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreateExitItem(planId: string) {
  const invalidate = useInvalidate(planId, 'exitItems');
  return useMutation({ mutationFn: ({ body, key }: { body: CreateExitItem; key: string }) => createExitItem(planId, body, key), onSuccess: invalidate });
}
