import { PlanSchema, ROUTES, pathTo, type UpdatePlan } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const updatePlan = (planId: string, version: number, body: UpdatePlan) =>
  request(pathTo(ROUTES.plan, { planId }), PlanSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdatePlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdatePlan }) => updatePlan(planId, version, body),
    // The targets move every readiness figure: refresh everything about the plan.
    onSettled: () =>
      Promise.all([queryKeys.plan(planId), queryKeys.plans, queryKeys.me].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
