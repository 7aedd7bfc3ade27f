import { MilestoneSchema, type UpdateMilestone } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateMilestones } from './invalidate';

/** PATCH with If-Match: the version the user saw; a newer one on the server answers 412. */
export const updateMilestone = (planId: string, id: string, version: number, body: UpdateMilestone) =>
  request(`/plans/${planId}/milestones/${id}`, MilestoneSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdateMilestone(planId: string) {
  const invalidate = useInvalidateMilestones(planId);
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateMilestone }) => updateMilestone(planId, id, version, body),
    onSettled: invalidate,
  });
}
