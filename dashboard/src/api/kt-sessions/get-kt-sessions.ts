import { KtSessionSchema, ROUTES, pageOf, pathTo, type KtMethod } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const KtSessionPage = pageOf(KtSessionSchema);

/** The list's filters (docs/domain.md#knowledge-transfer-sessions); dates are inclusive. */
export type KtSessionFilters = { handoverId?: string; skillId?: string; method?: KtMethod; from?: string; to?: string };

/** Every session matching the filters, newest date first (as the API orders them). */
export const getKtSessions = (planId: string, filters: KtSessionFilters = {}) =>
  requestAll((offset, limit) => request(pathTo(ROUTES.ktSessions, { planId }, { offset, limit, ...filters }), KtSessionPage));

export const ktSessionsQueryOptions = (planId: string, filters: KtSessionFilters = {}) =>
  queryOptions({ queryKey: queryKeys.ktSessions(planId, filters), queryFn: () => getKtSessions(planId, filters) });

export const useKtSessions = (planId: string, filters: KtSessionFilters = {}) => useQuery(ktSessionsQueryOptions(planId, filters));
