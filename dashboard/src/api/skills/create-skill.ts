import { ROUTES, SkillSchema, pathTo, type CreateSkill } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createSkill = (planId: string, body: CreateSkill) => request(pathTo(ROUTES.skills, { planId }), SkillSchema, { method: 'POST', json: body });

export function useCreateSkill(planId: string) {
  const invalidate = useInvalidate(planId, 'skills');
  return useMutation({ mutationFn: (body: CreateSkill) => createSkill(planId, body), onSuccess: invalidate });
}
