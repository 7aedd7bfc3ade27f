import {
  MilestoneSchema,
  pageOf,
  type CreateMilestone,
  type MilestoneStatus,
  type Phase,
  type UpdateMilestone,
} from '@handover/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const MilestonePage = pageOf(MilestoneSchema);

export type MilestoneFilters = { phase?: Phase; status?: MilestoneStatus; overdue?: boolean };

export const getMilestones = (planId: string, filters: MilestoneFilters = {}) =>
  requestAll((offset, limit) =>
    request(`/plans/${planId}/milestones`, MilestonePage, {
      query: { offset, limit, phase: filters.phase, status: filters.status, overdue: filters.overdue ? 'true' : undefined },
    }),
  );

export const milestonesQueryOptions = (planId: string, filters: MilestoneFilters = {}) =>
  queryOptions({ queryKey: planKey(planId, 'milestones', filters), queryFn: () => getMilestones(planId, filters), placeholderData: keepPreviousData });
export const useMilestones = (planId: string, filters: MilestoneFilters = {}) => useQuery(milestonesQueryOptions(planId, filters));

export const getMilestone = (planId: string, id: string) => request(`/plans/${planId}/milestones/${id}`, MilestoneSchema);

export const createMilestone = (planId: string, body: CreateMilestone, idempotencyKey = newIdempotencyKey()) =>
  request(`/plans/${planId}/milestones`, MilestoneSchema, { method: 'POST', json: body, idempotencyKey });

export const updateMilestone = (planId: string, id: string, version: number, body: UpdateMilestone) =>
  request(`/plans/${planId}/milestones/${id}`, MilestoneSchema, { method: 'PATCH', json: body, ifMatch: version });

export const deleteMilestone = (planId: string, id: string, version: number) =>
  request(`/plans/${planId}/milestones/${id}`, null, { method: 'DELETE', ifMatch: version });

/** Milestones feed the summary and the activity log: refresh all three after a write. */
function useInvalidate(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['milestones', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })),
    );
}

export function useCreateMilestone(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateMilestone; key: string }) => createMilestone(planId, body, key),
    onSuccess: invalidate,
  });
}

export function useUpdateMilestone(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateMilestone }) => updateMilestone(planId, id, version, body),
    onSettled: invalidate,
  });
}

export function useDeleteMilestone(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteMilestone(planId, id, version),
    onSettled: invalidate,
  });
}
