import { MilestoneSchema, ROUTES, pathTo, type CreateMilestone } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createMilestone = (planId: string, body: CreateMilestone, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.milestones, { planId }), MilestoneSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreateMilestone(planId: string) {
  const invalidate = useInvalidate(planId, 'milestones');
  return useMutation({ mutationFn: ({ body, key }: { body: CreateMilestone; key: string }) => createMilestone(planId, body, key), onSuccess: invalidate });
}
