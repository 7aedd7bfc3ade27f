import { HandoverSchema, pageOf, type CreateHandover, type CreateTransition, type HandoverStatus } from '@handover/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const HandoverPage = pageOf(HandoverSchema);

export type HandoverFilters = { status?: HandoverStatus; channel?: string };

export const getHandovers = (planId: string, filters: HandoverFilters = {}) =>
  requestAll((offset, limit) =>
    request(`/plans/${planId}/handovers`, HandoverPage, { query: { offset, limit, status: filters.status, channel: filters.channel } }),
  );

export const handoversQueryOptions = (planId: string, filters: HandoverFilters = {}) =>
  queryOptions({ queryKey: planKey(planId, 'handovers', filters), queryFn: () => getHandovers(planId, filters), placeholderData: keepPreviousData });
export const useHandovers = (planId: string, filters: HandoverFilters = {}) => useQuery(handoversQueryOptions(planId, filters));

export const createHandover = (planId: string, body: CreateHandover, idempotencyKey = newIdempotencyKey()) =>
  request(`/plans/${planId}/handovers`, HandoverSchema, { method: 'POST', json: body, idempotencyKey });

export const createTransition = (planId: string, id: string, body: CreateTransition) =>
  request(`/plans/${planId}/handovers/${id}/transitions`, HandoverSchema, { method: 'POST', json: body });

function useInvalidate(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['handovers', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}

export function useCreateHandover(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateHandover; key: string }) => createHandover(planId, body, key),
    onSuccess: invalidate,
  });
}

export function useTransition(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateTransition }) => createTransition(planId, id, body),
    onSettled: invalidate,
  });
}
