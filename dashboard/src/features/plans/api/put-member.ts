import { MemberSchema, type Role } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey, planKey } from '../../../lib/query-keys';

/** Adds a member or changes their role. */
export const putMember = (planId: string, userId: string, role: Role) =>
  request(`/plans/${planId}/members/${userId}`, MemberSchema, { method: 'PUT', json: { role } });

export function usePutMember(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => putMember(planId, userId, role),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: planKey(planId, 'members') }), queryClient.invalidateQueries({ queryKey: meKey })]),
  });
}
