import { HandoverSchema, ROUTES, pathTo, type CreateTransition, type HandoverStatus } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/**
 * The body of a move from `from` to `to`. It always says where it starts, so the server refuses it
 * with 409 `stale-transition` when the handover is no longer there: a double click or a stale
 * screen never moves it two steps (docs/domain.md#ladder).
 */
export const transitionBody = (to: HandoverStatus, from: HandoverStatus, note: string | null): CreateTransition => ({ to, from, note });

/** One step along the ladder (or back, for leads); the server refuses a skip with 409. */
export const createTransition = (planId: string, handoverId: string, body: CreateTransition) =>
  request(pathTo(ROUTES.handoverTransitions, { planId, handoverId }), HandoverSchema, { method: 'POST', json: body });

export function useTransition(planId: string) {
  const invalidate = useInvalidate(planId, 'handovers');
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: CreateTransition }) => createTransition(planId, id, body), onSettled: invalidate });
}
