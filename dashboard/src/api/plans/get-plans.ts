import { PlanSchema, ROUTES, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const PlanPage = pageOf(PlanSchema);

/** The plans the caller belongs to (admins: all). */
export const getPlans = () => request(pathTo(ROUTES.plans, {}, { limit: 200 }), PlanPage);
export const plansQueryOptions = () => queryOptions({ queryKey: queryKeys.plans, queryFn: getPlans });
export const usePlans = () => useQuery(plansQueryOptions());
