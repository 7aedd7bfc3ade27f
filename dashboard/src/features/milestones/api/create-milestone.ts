import { MilestoneSchema, type CreateMilestone } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../../lib/api-client';
import { useInvalidateMilestones } from './invalidate';

export const createMilestone = (planId: string, body: CreateMilestone, idempotencyKey = newIdempotencyKey()) =>
  request(`/plans/${planId}/milestones`, MilestoneSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreateMilestone(planId: string) {
  const invalidate = useInvalidateMilestones(planId);
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateMilestone; key: string }) => createMilestone(planId, body, key),
    onSuccess: invalidate,
  });
}
