import { ROUTES, SummaryQuerySchema, SummarySchema } from '@handover/shared';
import type { SummaryService } from '../../modules/summary/summary.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams } from './params';

export const summaryRoutes = (summary: SummaryService): AnyRoute[] => [
  route({
    operationId: 'getPlanSummary',
    method: 'get',
    path: ROUTES.summary,
    summary: 'Readiness, the six exit gates with evidence, and the projected exit date (asOf defaults to today)',
    tags: ['Summary'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: SummaryQuerySchema,
    response: SummarySchema,
    handler: async ({ query }, ctx) => ({ body: await summary.summary(ctx, query.asOf) }),
  }),
];
