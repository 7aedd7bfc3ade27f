import { PlanSchema, pageOf, type CreatePlan, type UpdatePlan } from '@handover/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey, planKey, plansKey } from '../../../lib/query-keys';

const PlanPage = pageOf(PlanSchema);

export const getPlans = () => request('/plans', PlanPage, { query: { limit: 200 } });
export const plansQueryOptions = () => queryOptions({ queryKey: plansKey, queryFn: getPlans });
export const usePlans = () => useQuery(plansQueryOptions());

export const getPlan = (planId: string) => request(`/plans/${planId}`, PlanSchema);
export const planQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'plan'), queryFn: () => getPlan(planId) });
export const usePlan = (planId: string) => useQuery(planQueryOptions(planId));

export const createPlan = (body: CreatePlan) => request('/plans', PlanSchema, { method: 'POST', json: body });
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlan,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: plansKey });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export const updatePlan = (planId: string, version: number, body: UpdatePlan) =>
  request(`/plans/${planId}`, PlanSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdatePlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdatePlan }) => updatePlan(planId, version, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKey(planId) }),
        queryClient.invalidateQueries({ queryKey: plansKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}
