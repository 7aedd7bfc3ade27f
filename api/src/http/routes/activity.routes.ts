import { ActivityListQuerySchema, ActivitySchema, ROUTES, pageOf } from '@handover/shared';
import type { ActivityService } from '../../modules/activity/activity.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams } from './params';

export const activityRoutes = (activity: ActivityService): AnyRoute[] => [
  route({
    operationId: 'listActivity',
    method: 'get',
    path: ROUTES.activity,
    summary: "The plan's activity log, newest first (filters: entity, action, entityId, actorId)",
    tags: ['Activity'],
    guard: { kind: 'plan', access: 'readSensitive' },
    params: PlanParams,
    query: ActivityListQuerySchema,
    response: pageOf(ActivitySchema),
    handler: async ({ query }, ctx) => ({ body: await activity.list(ctx, query) }),
  }),
];
