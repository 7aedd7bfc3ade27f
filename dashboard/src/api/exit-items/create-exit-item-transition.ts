import { ExitItemSchema, ROUTES, pathTo, type CreateExitItemTransition, type ExitItemStatus } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/**
 * The body of a move from `from` (the step on screen) to `to`. It always says where it starts, so
 * the server refuses it with 409 when the item is no longer there: a double click or a stale
 * screen never moves it two steps (docs/domain.md#exit-page).
 */
export const exitTransitionBody = (to: ExitItemStatus, from: ExitItemStatus, note: string | null): CreateExitItemTransition => ({ to, from, note });

export const createExitItemTransition = (planId: string, exitItemId: string, body: CreateExitItemTransition) =>
  request(pathTo(ROUTES.exitItemTransitions, { planId, exitItemId }), ExitItemSchema, { method: 'POST', json: body });

/** Settled either way, the checklist is read again: after a 409 it shows where the item really is. */
export function useExitItemTransition(planId: string) {
  const invalidate = useInvalidate(planId, 'exitItems');
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateExitItemTransition }) => createExitItemTransition(planId, id, body),
    onSettled: invalidate,
  });
}
