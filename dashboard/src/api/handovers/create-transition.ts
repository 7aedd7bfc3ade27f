import { HandoverSchema, ROUTES, pathTo, type CreateTransition } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** One step along the ladder (or back, for leads); the server refuses a skip with 409. */
export const createTransition = (planId: string, handoverId: string, body: CreateTransition) =>
  request(pathTo(ROUTES.handoverTransitions, { planId, handoverId }), HandoverSchema, { method: 'POST', json: body });

export function useTransition(planId: string) {
  const invalidate = useInvalidate(planId, 'handovers');
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: CreateTransition }) => createTransition(planId, id, body), onSettled: invalidate });
}
