import { BaselineDetailSchema, ROUTES, pathTo, type CreateBaseline } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Freezes every milestone's due date and weight under a name. */
export const createBaseline = (planId: string, body: CreateBaseline) =>
  request(pathTo(ROUTES.baselines, { planId }), BaselineDetailSchema, { method: 'POST', json: body, idempotencyKey: newIdempotencyKey() });

export function useCreateBaseline(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBaseline) => createBaseline(planId, body),
    // Every milestone's baselineDueDate and slipDays move with a new baseline.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.baselines(planId) }),
        queryClient.invalidateQueries({ queryKey: ['plans', planId, 'milestones'] }),
      ]),
  });
}
