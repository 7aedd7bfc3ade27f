import { MilestoneSchema, ROUTES, pathTo, type UpdateMilestone } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** PATCH with If-Match: the version the user saw; a newer one on the server answers 412. */
export const updateMilestone = (planId: string, milestoneId: string, version: number, body: UpdateMilestone) =>
  request(pathTo(ROUTES.milestone, { planId, milestoneId }), MilestoneSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdateMilestone(planId: string) {
  const invalidate = useInvalidate(planId, 'milestones');
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateMilestone }) => updateMilestone(planId, id, version, body),
    onSettled: invalidate,
  });
}
