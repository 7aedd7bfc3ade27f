import { PlanSchema, ROUTES, pathTo, type CreatePlan } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const createPlan = (body: CreatePlan) => request(pathTo(ROUTES.plans, {}), PlanSchema, { method: 'POST', json: body });

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: () => Promise.all([queryKeys.plans, queryKeys.me].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
