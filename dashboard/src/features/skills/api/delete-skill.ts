import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateSkills } from './invalidate';

export const deleteSkill = (planId: string, skillId: string) => request(`/plans/${planId}/skills/${skillId}`, null, { method: 'DELETE' });

export function useDeleteSkill(planId: string) {
  const invalidate = useInvalidateSkills(planId);
  return useMutation({ mutationFn: (skillId: string) => deleteSkill(planId, skillId), onSettled: invalidate });
}
