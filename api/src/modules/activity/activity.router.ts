import { ActivityListQuerySchema, ActivitySchema, UuidSchema, pageOf } from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { ActivityService } from './activity.service';

export function registerActivityRoutes(api: Api, activity: ActivityService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/activity',
    summary: "The plan's activity log, newest first (filters: entity, action, entityId, actorId)",
    tags: ['Activity'],
    guard: { kind: 'plan', access: 'readSensitive' },
    params: z.object({ planId: UuidSchema }),
    query: ActivityListQuerySchema,
    response: pageOf(ActivitySchema),
    handler: async ({ query }, ctx) => ({ body: await activity.list(ctx, query) }),
  });
}
