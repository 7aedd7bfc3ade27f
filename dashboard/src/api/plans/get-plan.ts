import { InstantSchema, PlanSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/**
 * The plan as the dashboard reads it: with when the agency exit was done (null or absent: not
 * yet) and, when it was done with gates open, the reason given (docs/domain.md#exit-page). Both
 * are optional, so a server that does not send them yet reads as "not exited".
 */
export const PlanReadSchema = PlanSchema.extend({
  exitedAt: InstantSchema.nullable().optional(),
  exitOverrideReason: z.string().nullable().optional(),
});
export type PlanRead = z.infer<typeof PlanReadSchema>;

export const getPlan = (planId: string) => request(pathTo(ROUTES.plan, { planId }), PlanReadSchema);
export const planQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.planDetail(planId), queryFn: () => getPlan(planId) });
export const usePlan = (planId: string) => useQuery(planQueryOptions(planId));
