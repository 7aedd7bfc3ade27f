import { HandoverSchema, ROUTES, pathTo, type CreateHandover } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createHandover = (planId: string, body: CreateHandover, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.handovers, { planId }), HandoverSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreateHandover(planId: string) {
  const invalidate = useInvalidate(planId, 'handovers');
  return useMutation({ mutationFn: ({ body, key }: { body: CreateHandover; key: string }) => createHandover(planId, body, key), onSuccess: invalidate });
}
