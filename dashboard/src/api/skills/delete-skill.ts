import { ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const deleteSkill = (planId: string, skillId: string) => request(pathTo(ROUTES.skill, { planId, skillId }), null, { method: 'DELETE' });

export function useDeleteSkill(planId: string) {
  const invalidate = useInvalidate(planId, 'skills');
  return useMutation({ mutationFn: (skillId: string) => deleteSkill(planId, skillId), onSettled: invalidate });
}
