import {
  CreatePlanSchema,
  MemberSchema,
  PageQuerySchema,
  PlanSchema,
  PutMemberSchema,
  UpdatePlanSchema,
  UuidSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import { expectedVersion } from '../../http/etag';
import type { PlansService } from './plans.service';

const PlanParams = z.object({ planId: UuidSchema });
const MemberParams = z.object({ planId: UuidSchema, userId: UuidSchema });

export function registerPlanRoutes(api: Api, plans: PlansService): void {
  api.route({
    method: 'post',
    path: '/plans',
    summary: 'Create a plan (admins); optionally name its leads',
    tags: ['Plans'],
    guard: { kind: 'admin' },
    body: CreatePlanSchema,
    status: 201,
    response: PlanSchema,
    versioned: true,
    handler: async ({ body }, ctx) => {
      const plan = await plans.create(ctx, body);
      return { body: plan, etag: plan.version };
    },
  });

  api.route({
    method: 'get',
    path: '/plans',
    summary: 'List the plans you belong to (admins: all)',
    tags: ['Plans'],
    guard: { kind: 'user' },
    query: PageQuerySchema.strict(),
    response: pageOf(PlanSchema),
    handler: async ({ query }, ctx) => ({ body: await plans.list(ctx, query) }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId',
    summary: 'Get a plan',
    tags: ['Plans'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    response: PlanSchema,
    versioned: true,
    handler: async (_input, ctx) => {
      const plan = await plans.get(ctx);
      return { body: plan, etag: plan.version };
    },
  });

  api.route({
    method: 'patch',
    path: '/plans/:planId',
    summary: 'Edit a plan (If-Match required)',
    tags: ['Plans'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: UpdatePlanSchema,
    response: PlanSchema,
    versioned: true,
    handler: async ({ body }, ctx, req) => {
      const plan = await plans.update(ctx, expectedVersion(req), body);
      return { body: plan, etag: plan.version };
    },
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/members',
    summary: "List the plan's members and their roles",
    tags: ['Members'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: PageQuerySchema.strict(),
    response: pageOf(MemberSchema),
    handler: async ({ query }, ctx) => ({ body: await plans.members(ctx, query) }),
  });

  api.route({
    method: 'put',
    path: '/plans/:planId/members/:userId',
    summary: 'Add a member or change their role (201 when added, 200 when changed)',
    tags: ['Members'],
    guard: { kind: 'plan', access: 'edit' },
    params: MemberParams,
    body: PutMemberSchema,
    response: MemberSchema,
    handler: async ({ params, body }, ctx) => {
      const { member, created } = await plans.putMember(ctx, params.userId, body.role);
      return { status: created ? 201 : 200, body: member };
    },
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/members/:userId',
    summary: 'Remove a member from the plan',
    tags: ['Members'],
    guard: { kind: 'plan', access: 'edit' },
    params: MemberParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await plans.removeMember(ctx, params.userId);
      return { status: 204 };
    },
  });
}
