import { SkillSchema, type UpdateSkill } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateSkills } from './invalidate';

export const updateSkill = (planId: string, skillId: string, body: UpdateSkill) =>
  request(`/plans/${planId}/skills/${skillId}`, SkillSchema, { method: 'PATCH', json: body });

export function useUpdateSkill(planId: string) {
  const invalidate = useInvalidateSkills(planId);
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateSkill }) => updateSkill(planId, id, body), onSettled: invalidate });
}
