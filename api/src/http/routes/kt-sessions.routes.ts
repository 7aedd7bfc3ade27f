import {
  CreateKtSessionSchema,
  KtSessionListQuerySchema,
  KtSessionSchema,
  ROUTES,
  UpdateKtSessionSchema,
  pageOf,
} from '@handover/shared';
import type { KtSessionsService } from '../../modules/kt-sessions/kt-sessions.service';
import { route, type AnyRoute } from '../route-spec';
import { KtSessionParams, PlanParams } from './params';

// Knowledge-transfer sessions (docs/domain.md#knowledge-transfer-sessions).

const BAD_REFERENCE = 'Invalid input, or an attendee, handover or skill that is not one of this plan (each named in `errors`)';
const NOT_THEIRS = 'Role may not do this, or agency staff acting on a session someone else recorded';

export const ktSessionRoutes = (sessions: KtSessionsService): AnyRoute[] => [
  route({
    operationId: 'listKtSessions',
    method: 'get',
    path: ROUTES.ktSessions,
    summary: 'List knowledge-transfer sessions, newest date first (filters: handoverId, skillId, method, from, to)',
    tags: ['Exit'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: KtSessionListQuerySchema,
    response: pageOf(KtSessionSchema),
    handler: async ({ query }, ctx) => ({ body: await sessions.list(ctx, query) }),
  }),
  route({
    operationId: 'createKtSession',
    method: 'post',
    path: ROUTES.ktSessions,
    summary: 'Record a knowledge-transfer session',
    tags: ['Exit'],
    guard: { kind: 'plan', access: 'recordExit' },
    params: PlanParams,
    body: CreateKtSessionSchema,
    status: 201,
    response: KtSessionSchema,
    idempotent: true,
    versioned: true,
    problems: { 422: BAD_REFERENCE },
    handler: async ({ body }, ctx) => {
      const session = await sessions.create(ctx, body);
      return { body: session, etag: session.version };
    },
  }),
  route({
    operationId: 'getKtSession',
    method: 'get',
    path: ROUTES.ktSession,
    summary: 'Get a knowledge-transfer session',
    tags: ['Exit'],
    guard: { kind: 'plan', access: 'read' },
    params: KtSessionParams,
    response: KtSessionSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const session = await sessions.get(ctx, params.sessionId);
      return { body: session, etag: session.version };
    },
  }),
  route({
    operationId: 'updateKtSession',
    method: 'patch',
    path: ROUTES.ktSession,
    summary: 'Edit a knowledge-transfer session (agency staff: the ones they recorded); a list given replaces the stored one',
    tags: ['Exit'],
    guard: { kind: 'plan', access: 'recordExit' },
    params: KtSessionParams,
    body: UpdateKtSessionSchema,
    response: KtSessionSchema,
    versioned: true,
    ifMatch: 'required',
    problems: { 403: NOT_THEIRS, 422: BAD_REFERENCE },
    handler: async ({ params, body, ifMatch }, ctx) => {
      const session = await sessions.update(ctx, params.sessionId, ifMatch, body);
      return { body: session, etag: session.version };
    },
  }),
  route({
    operationId: 'deleteKtSession',
    method: 'delete',
    path: ROUTES.ktSession,
    summary: 'Delete a knowledge-transfer session (agency staff: the ones they recorded)',
    tags: ['Exit'],
    guard: { kind: 'plan', access: 'recordExit' },
    params: KtSessionParams,
    status: 204,
    versioned: true,
    ifMatch: 'optional',
    problems: { 403: NOT_THEIRS },
    handler: async ({ params, ifMatch }, ctx) => {
      await sessions.remove(ctx, params.sessionId, ifMatch);
      return { status: 204 };
    },
  }),
];
