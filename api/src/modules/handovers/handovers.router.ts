import {
  CreateHandoverSchema,
  CreateTransitionSchema,
  HandoverListQuerySchema,
  HandoverSchema,
  UpdateHandoverSchema,
  UuidSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import { expectedVersion } from '../../http/etag';
import type { HandoversService } from './handovers.service';

const PlanParams = z.object({ planId: UuidSchema });
const HandoverParams = z.object({ planId: UuidSchema, handoverId: UuidSchema });

export function registerHandoversRoutes(api: Api, handovers: HandoversService): void {
  api.route({
    method: 'get',
    path: '/plans/:planId/handovers',
    summary: 'List handovers with their history (filters: status, channel)',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: HandoverListQuerySchema,
    response: pageOf(HandoverSchema),
    handler: async ({ query }, ctx) => ({ body: await handovers.list(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/handovers',
    summary: 'Log a responsibility the agency hands over; it starts at "agency"',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'handover' },
    params: PlanParams,
    body: CreateHandoverSchema,
    status: 201,
    response: HandoverSchema,
    idempotent: true,
    versioned: true,
    handler: async ({ body }, ctx) => {
      const handover = await handovers.create(ctx, body);
      return { body: handover, etag: handover.version };
    },
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/handovers/:handoverId',
    summary: 'Get a handover with its history',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'read' },
    params: HandoverParams,
    response: HandoverSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const handover = await handovers.get(ctx, params.handoverId);
      return { body: handover, etag: handover.version };
    },
  });

  api.route({
    method: 'patch',
    path: '/plans/:planId/handovers/:handoverId',
    summary: 'Edit title, channel or description (If-Match required); the status moves by transitions',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'handover' },
    params: HandoverParams,
    body: UpdateHandoverSchema,
    response: HandoverSchema,
    versioned: true,
    handler: async ({ params, body }, ctx, req) => {
      const handover = await handovers.update(ctx, params.handoverId, expectedVersion(req), body);
      return { body: handover, etag: handover.version };
    },
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/handovers/:handoverId',
    summary: 'Delete a handover and its history (leads; If-Match honoured when sent)',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'edit' },
    params: HandoverParams,
    status: 204,
    versioned: true,
    handler: async ({ params }, ctx, req) => {
      const version = req.get('If-Match') ? expectedVersion(req) : undefined;
      await handovers.remove(ctx, params.handoverId, version);
      return { status: 204 };
    },
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/handovers/:handoverId/transitions',
    summary:
      'Move a handover one step along agency → shadowing → reverse_shadowing → in_house → accepted; ' +
      'leads accept and may move back (If-Match honoured when sent)',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'handover' },
    params: HandoverParams,
    body: CreateTransitionSchema,
    response: HandoverSchema,
    handler: async ({ params, body }, ctx, req) => {
      const version = req.get('If-Match') ? expectedVersion(req) : undefined;
      const handover = await handovers.transition(ctx, params.handoverId, version, body);
      return { body: handover, etag: handover.version };
    },
  });
}
