import { SummaryQuerySchema, SummarySchema, UuidSchema } from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { SummaryService } from './summary.service';

export function registerSummaryRoutes(api: Api, summary: SummaryService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/summary',
    summary: 'Readiness, the five exit gates with evidence, and the projected exit date (asOf defaults to today)',
    tags: ['Summary'],
    guard: { kind: 'plan', access: 'read' },
    params: z.object({ planId: UuidSchema }),
    query: SummaryQuerySchema,
    response: SummarySchema,
    handler: async ({ query }, ctx) => ({ body: await summary.summary(ctx, query.asOf) }),
  });
}
