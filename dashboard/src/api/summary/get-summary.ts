import { ROUTES, SummarySchema, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Readiness, gates, forecast and counts, as of a day (today when absent). */
export const getSummary = (planId: string, asOf?: string) => request(pathTo(ROUTES.summary, { planId }, { asOf }), SummarySchema);
export const summaryQueryOptions = (planId: string, asOf?: string) =>
  queryOptions({ queryKey: queryKeys.summary(planId, asOf), queryFn: () => getSummary(planId, asOf) });
export const useSummary = (planId: string, asOf?: string) => useQuery(summaryQueryOptions(planId, asOf));
