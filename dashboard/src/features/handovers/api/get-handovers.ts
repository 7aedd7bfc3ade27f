import { HandoverSchema, pageOf, type HandoverStatus } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
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
