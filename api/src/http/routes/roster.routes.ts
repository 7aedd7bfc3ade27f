import {
  CreateRosterEntrySchema,
  InboxItemSchema,
  InboxQuerySchema,
  PushBatchSchema,
  PushResultSchema,
  ROUTES,
  RosterEntrySchema,
  RosterListQuerySchema,
  UpdateRosterEntrySchema,
  can,
  pageOf,
} from '@handover/shared';
import type { PushService } from '../../modules/ingest/push';
import type { RosterService } from '../../modules/ingest/roster.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams, RosterEntryParams } from './params';

// The roster, the inbox and pushed posts (docs/domain.md#ingest).

export const rosterRoutes = (roster: RosterService, push: PushService): AnyRoute[] => [
  route({
    operationId: 'pushPosts',
    scope: 'posts:write',
    method: 'post',
    path: ROUTES.postsBatch,
    summary: 'Push up to 1,000 posts: classified by the roster when no source is given; unclassified ones wait in the inbox; all or none',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: PlanParams,
    body: PushBatchSchema,
    response: PushResultSchema,
    idempotent: true,
    problems: { 403: 'Agency staff pushing a post whose side would not be agency (nothing is stored)' },
    handler: async ({ body }, ctx) => ({ body: await push.batch(ctx, body, { agencyOnly: !can(ctx.role, 'recordAnySource') }) }),
  }),
  route({
    operationId: 'listInbox',
    method: 'get',
    path: ROUTES.ingestInbox,
    summary: 'Pushed posts waiting for a roster entry to classify them, newest first',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: InboxQuerySchema,
    response: pageOf(InboxItemSchema),
    handler: async ({ query }, ctx) => ({ body: await roster.inbox(ctx, query) }),
  }),
  route({
    operationId: 'listRoster',
    method: 'get',
    path: ROUTES.roster,
    summary: 'List roster entries (filters: kind, side)',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: RosterListQuerySchema,
    response: pageOf(RosterEntrySchema),
    handler: async ({ query }, ctx) => ({ body: await roster.list(ctx, query) }),
  }),
  route({
    operationId: 'createRosterEntry',
    method: 'post',
    path: ROUTES.roster,
    summary: 'Add a roster entry (agency staff: author entries on the agency side); inbox posts it classifies enter the ledger',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'editRoster' },
    params: PlanParams,
    body: CreateRosterEntrySchema,
    status: 201,
    response: RosterEntrySchema,
    idempotent: true,
    versioned: true,
    problems: { 409: 'An entry of the same kind and match already covers some of these dates' },
    handler: async ({ body }, ctx) => {
      const entry = await roster.create(ctx, body);
      return { body: entry, etag: entry.version };
    },
  }),
  route({
    operationId: 'getRosterEntry',
    method: 'get',
    path: ROUTES.rosterEntry,
    summary: 'Get a roster entry',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'read' },
    params: RosterEntryParams,
    response: RosterEntrySchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const entry = await roster.get(ctx, params.entryId);
      return { body: entry, etag: entry.version };
    },
  }),
  route({
    operationId: 'updateRosterEntry',
    method: 'patch',
    path: ROUTES.rosterEntry,
    summary: 'Edit a roster entry (agency staff: their own); the posts it classified are classified again',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'editRoster' },
    params: RosterEntryParams,
    body: UpdateRosterEntrySchema,
    response: RosterEntrySchema,
    versioned: true,
    ifMatch: 'required',
    problems: { 409: 'An entry of the same kind and match already covers some of these dates' },
    handler: async ({ params, body, ifMatch }, ctx) => {
      const entry = await roster.update(ctx, params.entryId, ifMatch, body);
      return { body: entry, etag: entry.version };
    },
  }),
  route({
    operationId: 'deleteRosterEntry',
    method: 'delete',
    path: ROUTES.rosterEntry,
    summary: 'Delete a roster entry (agency staff: their own); its posts are classified again, or wait in the inbox',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'editRoster' },
    params: RosterEntryParams,
    status: 204,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, ifMatch }, ctx) => {
      await roster.remove(ctx, params.entryId, ifMatch);
      return { status: 204 };
    },
  }),
];
