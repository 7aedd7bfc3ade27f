import {
  AdoptionListQuerySchema,
  AdoptionSampleSchema,
  AdoptionSeriesSchema,
  CreateAdoptionSchema,
  IsoDateSchema,
  UuidSchema,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { AdoptionService } from './adoption.service';

const PlanParams = z.object({ planId: UuidSchema });
const WeekParams = z.object({ planId: UuidSchema, weekStart: IsoDateSchema });

export function registerAdoptionRoutes(api: Api, adoption: AdoptionService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/adoption',
    summary: 'Weekly internal adoption, oldest first, with share = activeUsers / totalStaff (filters: from, to)',
    tags: ['Adoption'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: AdoptionListQuerySchema,
    response: AdoptionSeriesSchema,
    handler: async ({ query }, ctx) => ({ body: await adoption.list(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/adoption',
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
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/adoption/:weekStart',
    summary: "Remove a week's sample",
    tags: ['Adoption'],
    guard: { kind: 'plan', access: 'edit' },
    params: WeekParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await adoption.remove(ctx, params.weekStart);
      return { status: 204 };
    },
  });
}
