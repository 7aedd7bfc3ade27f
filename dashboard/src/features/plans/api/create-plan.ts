import { PlanSchema, type CreatePlan } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey, plansKey } from '../../../lib/query-keys';

export const createPlan = (body: CreatePlan) => request('/plans', PlanSchema, { method: 'POST', json: body });

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: plansKey }), queryClient.invalidateQueries({ queryKey: meKey })]),
  });
}
