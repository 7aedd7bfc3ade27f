import { AdoptionListQuerySchema, AdoptionSampleSchema, AdoptionSeriesSchema, CreateAdoptionSchema, ROUTES } from '@handover/shared';
import type { AdoptionService } from '../../modules/adoption/adoption.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams, WeekParams } from './params';

export const adoptionRoutes = (adoption: AdoptionService): AnyRoute[] => [
  route({
    operationId: 'listAdoption',
    method: 'get',
    path: ROUTES.adoption,
    summary: 'Weekly internal adoption, oldest first, with share = activeUsers / totalStaff (filters: from, to)',
    tags: ['Adoption'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: AdoptionListQuerySchema,
    response: AdoptionSeriesSchema,
    handler: async ({ query }, ctx) => ({ body: await adoption.list(ctx, query) }),
  }),
  route({
    operationId: 'putAdoptionWeek',
    method: 'post',
    path: ROUTES.adoption,
    summary: "Record a week's internal adoption (201 when new, 200 when it replaces the week's sample)",
    tags: ['Adoption'],
    guard: { kind: 'plan', access: 'edit' },
    params: PlanParams,
    body: CreateAdoptionSchema,
    status: 201,
    response: AdoptionSampleSchema,
    handler: async ({ body }, ctx) => {
      const { sample, created } = await adoption.put(ctx, body);
      return { status: created ? 201 : 200, body: sample };
    },
  }),
  route({
    operationId: 'deleteAdoptionWeek',
    method: 'delete',
    path: ROUTES.adoptionWeek,
    summary: "Remove a week's sample",
    tags: ['Adoption'],
    guard: { kind: 'plan', access: 'edit' },
    params: WeekParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await adoption.remove(ctx, params.weekStart);
      return { status: 204 };
    },
  }),
];
