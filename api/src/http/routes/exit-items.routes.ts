import {
  CreateExitItemSchema,
  CreateExitItemTransitionSchema,
  ExitItemListQuerySchema,
  ExitItemSchema,
  ROUTES,
  UpdateExitItemSchema,
  pageOf,
} from '@handover/shared';
import type { ExitItemsService } from '../../modules/exit-items/exit-items.service';
import { route, type AnyRoute } from '../route-spec';
import { ExitItemParams, PlanParams } from './params';

const SECRETS = 'Text or a link that looks like a password or secret (docs/domain.md#exit-checklist): nothing is stored';

/** The exit checklist (docs/domain.md#exit-checklist). */
export const exitItemRoutes = (items: ExitItemsService): AnyRoute[] => [
  route({
    operationId: 'listExitItems',
    method: 'get',
    path: ROUTES.exitItems,
    summary: 'List the exit checklist with each item’s history (filters: kind, status)',
    tags: ['Exit checklist'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: ExitItemListQuerySchema,
    response: pageOf(ExitItemSchema),
    handler: async ({ query }, ctx) => ({ body: await items.list(ctx, query) }),
  }),
  route({
    operationId: 'createExitItem',
    method: 'post',
    path: ROUTES.exitItems,
    summary: 'List something the agency holds and must hand back; it starts at "listed"',
    tags: ['Exit checklist'],
    guard: { kind: 'plan', access: 'recordExit' },
    params: PlanParams,
    body: CreateExitItemSchema,
    status: 201,
    response: ExitItemSchema,
    idempotent: true,
    versioned: true,
    problems: { 422: `Invalid input, an owner who is not a person of the plan, or ${SECRETS.charAt(0).toLowerCase()}${SECRETS.slice(1)}` },
    handler: async ({ body }, ctx) => {
      const item = await items.create(ctx, body);
      return { body: item, etag: item.version };
    },
  }),
  route({
    operationId: 'getExitItem',
    method: 'get',
    path: ROUTES.exitItem,
    summary: 'Get an exit item with its history',
    tags: ['Exit checklist'],
    guard: { kind: 'plan', access: 'read' },
    params: ExitItemParams,
    response: ExitItemSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const item = await items.get(ctx, params.exitItemId);
      return { body: item, etag: item.version };
    },
  }),
  route({
    operationId: 'updateExitItem',
    method: 'patch',
    path: ROUTES.exitItem,
    summary: 'Edit an exit item (If-Match required); agency staff edit only evidence and evidenceUrl; the status moves by transitions',
    tags: ['Exit checklist'],
    guard: { kind: 'plan', access: 'recordExit' },
    params: ExitItemParams,
    body: UpdateExitItemSchema,
    response: ExitItemSchema,
    versioned: true,
    ifMatch: 'required',
    problems: { 403: 'Agency staff editing a field other than evidence or evidenceUrl', 422: SECRETS },
    handler: async ({ params, body, ifMatch }, ctx) => {
      const item = await items.update(ctx, params.exitItemId, ifMatch, body);
      return { body: item, etag: item.version };
    },
  }),
  route({
    operationId: 'deleteExitItem',
    method: 'delete',
    path: ROUTES.exitItem,
    summary: 'Delete an exit item and its history (leads; If-Match honoured when sent)',
    tags: ['Exit checklist'],
    guard: { kind: 'plan', access: 'manageExitItems' },
    params: ExitItemParams,
    status: 204,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, ifMatch }, ctx) => {
      await items.remove(ctx, params.exitItemId, ifMatch);
      return { status: 204 };
    },
  }),
  route({
    operationId: 'transitionExitItem',
    method: 'post',
    path: ROUTES.exitItemTransitions,
    summary:
      'Move an exit item one step along listed → access_shared → ownership_transferred → agency_removed → verified, or one step back; ' +
      'only leads verify or move back (If-Match honoured when sent)',
    tags: ['Exit checklist'],
    guard: { kind: 'plan', access: 'recordExit' },
    params: ExitItemParams,
    body: CreateExitItemTransitionSchema,
    response: ExitItemSchema,
    idempotent: true,
    versioned: true,
    ifMatch: 'optional',
    problems: {
      403: 'Agency staff verifying or moving back',
      409: 'A skipped step, the current step, or `from` that is not the current step (stale-transition)',
      422: SECRETS,
    },
    handler: async ({ params, body, ifMatch }, ctx) => {
      const item = await items.transition(ctx, params.exitItemId, ifMatch, body);
      return { body: item, etag: item.version };
    },
  }),
];
