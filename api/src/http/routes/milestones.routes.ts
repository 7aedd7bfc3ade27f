import { CreateMilestoneSchema, MilestoneListQuerySchema, MilestoneSchema, ROUTES, UpdateMilestoneSchema, pageOf } from '@handover/shared';
import type { MilestonesService } from '../../modules/milestones/milestones.service';
import { route, type AnyRoute } from '../route-spec';
import { MilestoneParams, PlanParams } from './params';

export const milestoneRoutes = (milestones: MilestonesService): AnyRoute[] => [
  route({
    operationId: 'listMilestones',
    method: 'get',
    path: ROUTES.milestones,
    summary: 'List milestones (filters: phase, status, overdue)',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: MilestoneListQuerySchema,
    response: pageOf(MilestoneSchema),
    handler: async ({ query }, ctx) => ({ json: await milestones.listJson(ctx, query) }),
  }),
  route({
    operationId: 'createMilestone',
    method: 'post',
    path: ROUTES.milestones,
    summary: 'Create a milestone',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: CreateMilestoneSchema,
    status: 201,
    response: MilestoneSchema,
    idempotent: true,
    versioned: true,
    handler: async ({ body }, ctx) => {
      const milestone = await milestones.create(ctx, body);
      return { body: milestone, etag: milestone.version };
    },
  }),
  route({
    operationId: 'getMilestone',
    method: 'get',
    path: ROUTES.milestone,
    summary: 'Get a milestone',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'read' },
    params: MilestoneParams,
    response: MilestoneSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const milestone = await milestones.get(ctx, params.milestoneId);
      return { body: milestone, etag: milestone.version };
    },
  }),
  route({
    operationId: 'updateMilestone',
    method: 'patch',
    path: ROUTES.milestone,
    summary: 'Edit a milestone (If-Match required); done stamps completedAt',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'edit' },
    params: MilestoneParams,
    body: UpdateMilestoneSchema,
    response: MilestoneSchema,
    versioned: true,
    ifMatch: 'required',
    handler: async ({ params, body, ifMatch }, ctx) => {
      const milestone = await milestones.update(ctx, params.milestoneId, ifMatch, body);
      return { body: milestone, etag: milestone.version };
    },
  }),
  route({
    operationId: 'deleteMilestone',
    method: 'delete',
    path: ROUTES.milestone,
    summary: 'Delete a milestone (If-Match honoured when sent)',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'edit' },
    params: MilestoneParams,
    status: 204,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, ifMatch }, ctx) => {
      await milestones.remove(ctx, params.milestoneId, ifMatch);
      return { status: 204 };
    },
  }),
];
