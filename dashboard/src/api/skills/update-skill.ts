import { ROUTES, SkillSchema, pathTo, type UpdateSkill } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const updateSkill = (planId: string, skillId: string, body: UpdateSkill) =>
  request(pathTo(ROUTES.skill, { planId, skillId }), SkillSchema, { method: 'PATCH', json: body });

export function useUpdateSkill(planId: string) {
  const invalidate = useInvalidate(planId, 'skills');
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateSkill }) => updateSkill(planId, id, body), onSettled: invalidate });
}
