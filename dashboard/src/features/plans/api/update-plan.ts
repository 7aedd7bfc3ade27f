import { PlanSchema, type UpdatePlan } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey, planKey, plansKey } from '../../../lib/query-keys';

export const updatePlan = (planId: string, version: number, body: UpdatePlan) =>
  request(`/plans/${planId}`, PlanSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdatePlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdatePlan }) => updatePlan(planId, version, body),
    // The targets move every readiness figure: refresh everything about the plan.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKey(planId) }),
        queryClient.invalidateQueries({ queryKey: plansKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}
