import { ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const deleteMilestone = (planId: string, milestoneId: string, version: number) =>
  request(pathTo(ROUTES.milestone, { planId, milestoneId }), null, { method: 'DELETE', ifMatch: version });

export function useDeleteMilestone(planId: string) {
  const invalidate = useInvalidate(planId, 'milestones');
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => deleteMilestone(planId, id, version), onSettled: invalidate });
}
