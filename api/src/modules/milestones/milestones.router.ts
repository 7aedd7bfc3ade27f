import {
  CreateMilestoneSchema,
  MilestoneListQuerySchema,
  MilestoneSchema,
  UpdateMilestoneSchema,
  UuidSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import { expectedVersion } from '../../http/etag';
import type { MilestonesService } from './milestones.service';

const PlanParams = z.object({ planId: UuidSchema });
const MilestoneParams = z.object({ planId: UuidSchema, milestoneId: UuidSchema });

export function registerMilestoneRoutes(api: Api, milestones: MilestonesService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/milestones',
    summary: 'List milestones (filters: phase, status, overdue)',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: MilestoneListQuerySchema,
    response: pageOf(MilestoneSchema),
    handler: async ({ query }, ctx) => ({ json: await milestones.listJson(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/milestones',
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
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/milestones/:milestoneId',
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
  });

  api.route({
    method: 'patch',
    path: '/plans/:planId/milestones/:milestoneId',
    summary: 'Edit a milestone (If-Match required); done stamps completedAt',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'edit' },
    params: MilestoneParams,
    body: UpdateMilestoneSchema,
    response: MilestoneSchema,
    versioned: true,
    handler: async ({ params, body }, ctx, req) => {
      const milestone = await milestones.update(ctx, params.milestoneId, expectedVersion(req), body);
      return { body: milestone, etag: milestone.version };
    },
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/milestones/:milestoneId',
    summary: 'Delete a milestone (If-Match honoured when sent)',
    tags: ['Milestones'],
    guard: { kind: 'plan', access: 'edit' },
    params: MilestoneParams,
    status: 204,
    versioned: true,
    handler: async ({ params }, ctx, req) => {
      const version = req.get('If-Match') ? expectedVersion(req) : undefined;
      await milestones.remove(ctx, params.milestoneId, version);
      return { status: 204 };
    },
  });
}
