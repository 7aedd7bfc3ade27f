import {
  CreateHandoverSchema,
  CreateTransitionSchema,
  HandoverListQuerySchema,
  HandoverSchema,
  ROUTES,
  UpdateHandoverSchema,
  pageOf,
} from '@handover/shared';
import type { HandoversService } from '../../modules/handovers/handovers.service';
import { route, type AnyRoute } from '../route-spec';
import { HandoverParams, PlanParams } from './params';

export const handoverRoutes = (handovers: HandoversService): AnyRoute[] => [
  route({
    operationId: 'listHandovers',
    method: 'get',
    path: ROUTES.handovers,
    summary: 'List handovers with their history (filters: status, channel)',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: HandoverListQuerySchema,
    response: pageOf(HandoverSchema),
    handler: async ({ query }, ctx) => ({ body: await handovers.list(ctx, query) }),
  }),
  route({
    operationId: 'createHandover',
    method: 'post',
    path: ROUTES.handovers,
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
  }),
  route({
    operationId: 'getHandover',
    method: 'get',
    path: ROUTES.handover,
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
  }),
  route({
    operationId: 'updateHandover',
    method: 'patch',
    path: ROUTES.handover,
    summary: 'Edit title, channel or description (If-Match required); the status moves by transitions',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'handover' },
    params: HandoverParams,
    body: UpdateHandoverSchema,
    response: HandoverSchema,
    versioned: true,
    ifMatch: 'required',
    handler: async ({ params, body, ifMatch }, ctx) => {
      const handover = await handovers.update(ctx, params.handoverId, ifMatch, body);
      return { body: handover, etag: handover.version };
    },
  }),
  route({
    operationId: 'deleteHandover',
    method: 'delete',
    path: ROUTES.handover,
    summary: 'Delete a handover and its history (leads; If-Match honoured when sent)',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'edit' },
    params: HandoverParams,
    status: 204,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, ifMatch }, ctx) => {
      await handovers.remove(ctx, params.handoverId, ifMatch);
      return { status: 204 };
    },
  }),
  route({
    operationId: 'transitionHandover',
    method: 'post',
    path: ROUTES.handoverTransitions,
    summary:
      'Move a handover one step along agency → shadowing → reverse_shadowing → in_house → accepted; ' +
      'leads accept and may move back (If-Match honoured when sent)',
    tags: ['Handovers'],
    guard: { kind: 'plan', access: 'handover' },
    params: HandoverParams,
    body: CreateTransitionSchema,
    response: HandoverSchema,
    ifMatch: 'optional',
    handler: async ({ params, body, ifMatch }, ctx) => {
      const handover = await handovers.transition(ctx, params.handoverId, ifMatch, body);
      return { body: handover, etag: handover.version };
    },
  }),
];
