import { HandoverSchema, type CreateHandover } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../../lib/api-client';
import { useInvalidateHandovers } from './invalidate';

export const createHandover = (planId: string, body: CreateHandover, idempotencyKey = newIdempotencyKey()) =>
  request(`/plans/${planId}/handovers`, HandoverSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreateHandover(planId: string) {
  const invalidate = useInvalidateHandovers(planId);
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateHandover; key: string }) => createHandover(planId, body, key),
    onSuccess: invalidate,
  });
}
