import { SkillSchema, type CreateSkill } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateSkills } from './invalidate';

export const createSkill = (planId: string, body: CreateSkill) => request(`/plans/${planId}/skills`, SkillSchema, { method: 'POST', json: body });

export function useCreateSkill(planId: string) {
  const invalidate = useInvalidateSkills(planId);
  return useMutation({ mutationFn: (body: CreateSkill) => createSkill(planId, body), onSuccess: invalidate });
}
