import { BaselineDetailSchema, BaselineListQuerySchema, BaselineSchema, CreateBaselineSchema, ROUTES, pageOf } from '@handover/shared';
import type { BaselinesService } from '../../modules/baselines/baselines.service';
import { route, type AnyRoute } from '../route-spec';
import { BaselineParams, PlanParams } from './params';

export const baselineRoutes = (baselines: BaselinesService): AnyRoute[] => [
  route({
    operationId: 'listBaselines',
    method: 'get',
    path: ROUTES.baselines,
    summary: 'Baselines, newest first; milestones are measured against the first of them',
    tags: ['Baselines'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: BaselineListQuerySchema,
    response: pageOf(BaselineSchema),
    handler: async ({ query }, ctx) => ({ body: await baselines.list(ctx, query) }),
  }),
  route({
    operationId: 'createBaseline',
    method: 'post',
    path: ROUTES.baselines,
    summary: "Freeze every milestone's due date and weight under a name",
    tags: ['Baselines'],
    guard: { kind: 'plan', access: 'recordStatus' },
    params: PlanParams,
    body: CreateBaselineSchema,
    status: 201,
    response: BaselineDetailSchema,
    idempotent: true,
    handler: async ({ body }, ctx) => ({ body: await baselines.create(ctx, body) }),
  }),
  route({
    operationId: 'getBaseline',
    method: 'get',
    path: ROUTES.baseline,
    summary: 'Get a baseline with the due date and weight it froze for each milestone',
    tags: ['Baselines'],
    guard: { kind: 'plan', access: 'read' },
    params: BaselineParams,
    response: BaselineDetailSchema,
    handler: async ({ params }, ctx) => ({ body: await baselines.get(ctx, params.baselineId) }),
  }),
];
