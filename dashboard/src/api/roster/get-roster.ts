import { ROUTES, RosterEntrySchema, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const RosterPage = pageOf(RosterEntrySchema);

/** Every roster entry of the plan (authors and channels); the page filters by kind itself. */
export const getRoster = (planId: string) =>
  requestAll((offset, limit) => request(pathTo(ROUTES.roster, { planId }, { offset, limit }), RosterPage));

export const rosterQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.roster(planId), queryFn: () => getRoster(planId) });
export const useRoster = (planId: string) => useQuery(rosterQueryOptions(planId));
