import { CreatePlanSchema, MemberSchema, PageQuerySchema, PlanSchema, PutMemberSchema, ROUTES, UpdatePlanSchema, pageOf } from '@handover/shared';
import type { PlansService } from '../../modules/plans/plans.service';
import { route, type AnyRoute } from '../route-spec';
import { MemberParams, PlanParams } from './params';

export const planRoutes = (plans: PlansService): AnyRoute[] => [
  route({
    operationId: 'createPlan',
    method: 'post',
    path: ROUTES.plans,
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
  }),
  route({
    operationId: 'listPlans',
    method: 'get',
    path: ROUTES.plans,
    summary: 'List the plans you belong to (admins: all)',
    tags: ['Plans'],
    guard: { kind: 'user' },
    query: PageQuerySchema.strict(),
    response: pageOf(PlanSchema),
    handler: async ({ query }, ctx) => ({ body: await plans.list(ctx, query) }),
  }),
  route({
    operationId: 'getPlan',
    method: 'get',
    path: ROUTES.plan,
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
  }),
  route({
    operationId: 'updatePlan',
    method: 'patch',
    path: ROUTES.plan,
    summary: 'Edit a plan (If-Match required)',
    tags: ['Plans'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: UpdatePlanSchema,
    response: PlanSchema,
    versioned: true,
    ifMatch: 'required',
    handler: async ({ body, ifMatch }, ctx) => {
      const plan = await plans.update(ctx, ifMatch, body);
      return { body: plan, etag: plan.version };
    },
  }),
  route({
    operationId: 'listMembers',
    method: 'get',
    path: ROUTES.members,
    summary: "List the plan's members and their roles",
    tags: ['Members'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: PageQuerySchema.strict(),
    response: pageOf(MemberSchema),
    handler: async ({ query }, ctx) => ({ body: await plans.members(ctx, query) }),
  }),
  route({
    operationId: 'putMember',
    method: 'put',
    path: ROUTES.member,
    summary: 'Add a member or replace their role and accessUntil (201 when added, 200 when changed)',
    tags: ['Members'],
    guard: { kind: 'plan', access: 'edit' },
    params: MemberParams,
    body: PutMemberSchema,
    response: MemberSchema,
    handler: async ({ params, body }, ctx) => {
      const { member, created } = await plans.putMember(ctx, params.userId, body);
      return { status: created ? 201 : 200, body: member };
    },
  }),
  route({
    operationId: 'removeMember',
    method: 'delete',
    path: ROUTES.member,
    summary: 'Remove a member from the plan',
    tags: ['Members'],
    guard: { kind: 'plan', access: 'edit' },
    params: MemberParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await plans.removeMember(ctx, params.userId);
      return { status: 204 };
    },
  }),
];
