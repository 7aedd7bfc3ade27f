import { PlanSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** The plan as the dashboard reads it, with `exitedAt` and `exitOverrideReason` (docs/domain.md#exit-page). */
export const PlanReadSchema = PlanSchema;
export type PlanRead = z.infer<typeof PlanReadSchema>;

export const getPlan = (planId: string) => request(pathTo(ROUTES.plan, { planId }), PlanReadSchema);
export const planQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.planDetail(planId), queryFn: () => getPlan(planId) });
export const usePlan = (planId: string) => useQuery(planQueryOptions(planId));
