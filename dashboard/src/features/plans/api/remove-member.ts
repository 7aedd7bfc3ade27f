import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey, planKey } from '../../../lib/query-keys';

export const removeMember = (planId: string, userId: string) => request(`/plans/${planId}/members/${userId}`, null, { method: 'DELETE' });

export function useRemoveMember(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(planId, userId),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: planKey(planId, 'members') }), queryClient.invalidateQueries({ queryKey: meKey })]),
  });
}
