import { MemberSchema, type Role } from '@handover/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/api-client';
import { meKey, planKey } from '../../../lib/query-keys';

const MemberList = z.object({ items: z.array(MemberSchema) });

export const getMembers = (planId: string) => request(`/plans/${planId}/members`, MemberList);
export const membersQueryOptions = (planId: string) =>
  queryOptions({ queryKey: planKey(planId, 'members'), queryFn: () => getMembers(planId) });
export const useMembers = (planId: string) => useQuery(membersQueryOptions(planId));

export const putMember = (planId: string, userId: string, role: Role) =>
  request(`/plans/${planId}/members/${userId}`, MemberSchema, { method: 'PUT', json: { role } });
export const removeMember = (planId: string, userId: string) =>
  request(`/plans/${planId}/members/${userId}`, null, { method: 'DELETE' });

export function usePutMember(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => putMember(planId, userId, role),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKey(planId, 'members') });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useRemoveMember(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(planId, userId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKey(planId, 'members') });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
