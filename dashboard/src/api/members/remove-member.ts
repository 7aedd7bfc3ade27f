import { ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const removeMember = (planId: string, userId: string) => request(pathTo(ROUTES.member, { planId, userId }), null, { method: 'DELETE' });

export function useRemoveMember(planId: string) {
  const invalidate = useInvalidate(planId, 'members');
  return useMutation({ mutationFn: (userId: string) => removeMember(planId, userId), onSuccess: invalidate });
}
