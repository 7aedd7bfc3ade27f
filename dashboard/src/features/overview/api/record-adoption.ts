import { AdoptionSampleSchema, type CreateAdoption } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

/** One week of internal adoption; posting a week again replaces it. */
export const recordAdoption = (planId: string, body: CreateAdoption) =>
  request(`/plans/${planId}/adoption`, AdoptionSampleSchema, { method: 'POST', json: body });

export function useRecordAdoption(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAdoption) => recordAdoption(planId, body),
    onSuccess: () => Promise.all(['adoption', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) }))),
  });
}
