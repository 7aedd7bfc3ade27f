import { HandoverSchema, ROUTES, pageOf, pathTo, type HandoverStatus } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const HandoverPage = pageOf(HandoverSchema);

/** `asOf`: each handover at its step on that day, leaving out those logged later. */
export type HandoverFilters = { status?: HandoverStatus; channel?: string; asOf?: string };

export const getHandovers = (planId: string, filters: HandoverFilters = {}) =>
  requestAll((offset, limit) =>
    request(pathTo(ROUTES.handovers, { planId }, { offset, limit, status: filters.status, channel: filters.channel, asOf: filters.asOf }), HandoverPage),
  );

export const handoversQueryOptions = (planId: string, filters: HandoverFilters = {}) =>
  queryOptions({ queryKey: queryKeys.handovers(planId, filters), queryFn: () => getHandovers(planId, filters), placeholderData: keepPreviousData });

export const useHandovers = (planId: string, filters: HandoverFilters = {}) => useQuery(handoversQueryOptions(planId, filters));
