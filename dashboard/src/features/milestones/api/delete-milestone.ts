import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateMilestones } from './invalidate';

export const deleteMilestone = (planId: string, id: string, version: number) =>
  request(`/plans/${planId}/milestones/${id}`, null, { method: 'DELETE', ifMatch: version });

export function useDeleteMilestone(planId: string) {
  const invalidate = useInvalidateMilestones(planId);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteMilestone(planId, id, version),
    onSettled: invalidate,
  });
}
