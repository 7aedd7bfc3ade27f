import { HandoverSchema, type CreateTransition } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateHandovers } from './invalidate';

/** One step along the ladder (or back, for leads); the server refuses a skip with 409. */
export const createTransition = (planId: string, id: string, body: CreateTransition) =>
  request(`/plans/${planId}/handovers/${id}/transitions`, HandoverSchema, { method: 'POST', json: body });

export function useTransition(planId: string) {
  const invalidate = useInvalidateHandovers(planId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateTransition }) => createTransition(planId, id, body),
    onSettled: invalidate,
  });
}
