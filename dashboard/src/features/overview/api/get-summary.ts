import { SummarySchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

// The overview reads many resources; its keys share their prefixes so other pages' writes refresh it.

export const getSummary = (planId: string, asOf?: string) => request(`/plans/${planId}/summary`, SummarySchema, { query: { asOf } });
export const summaryQueryOptions = (planId: string, asOf?: string) =>
  queryOptions({ queryKey: planKey(planId, 'summary', asOf ?? 'today'), queryFn: () => getSummary(planId, asOf) });
export const useSummary = (planId: string, asOf?: string) => useQuery(summaryQueryOptions(planId, asOf));
