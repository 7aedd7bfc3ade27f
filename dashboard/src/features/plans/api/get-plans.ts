import { PlanSchema, pageOf } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { plansKey } from '../../../lib/query-keys';

const PlanPage = pageOf(PlanSchema);

/** The plans the caller belongs to (admins: all). */
export const getPlans = () => request('/plans', PlanPage, { query: { limit: 200 } });
export const plansQueryOptions = () => queryOptions({ queryKey: plansKey, queryFn: getPlans });
export const usePlans = () => useQuery(plansQueryOptions());
