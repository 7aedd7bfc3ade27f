import { HandoverSchema, ROUTES, pathTo, type CreateTransition, type HandoverStatus } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/**
 * Whether a move says where it starts (`from`), so the server refuses it with 409 when the handover
 * is no longer there: a double click or a stale screen then never moves it two steps
 * (docs/domain.md#ladder). Off until the API accepts `from`: today it refuses the unknown field (422).
 */
export const SEND_TRANSITION_FROM = false;

export type TransitionBody = CreateTransition & { from?: HandoverStatus };

/** The body of a move from `from` to `to`. */
export const transitionBody = (to: HandoverStatus, from: HandoverStatus, note: string | null, sendFrom = SEND_TRANSITION_FROM): TransitionBody => ({
  to,
  ...(sendFrom ? { from } : {}),
  note,
});

/** One step along the ladder (or back, for leads); the server refuses a skip with 409. */
export const createTransition = (planId: string, handoverId: string, body: TransitionBody) =>
  request(pathTo(ROUTES.handoverTransitions, { planId, handoverId }), HandoverSchema, { method: 'POST', json: body });

export function useTransition(planId: string) {
  const invalidate = useInvalidate(planId, 'handovers');
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: TransitionBody }) => createTransition(planId, id, body), onSettled: invalidate });
}
