import { HealthSchema, ROUTES } from '@handover/shared';
import { z } from 'zod';
import type { Db } from '../../db/data-source';
import { route, type AnyRoute } from '../route-spec';

/** Health and this document; `document` is read when asked, after every route is declared. */
export const metaRoutes = (db: Db, document: () => unknown): AnyRoute[] => [
  route({
    operationId: 'getHealth',
    method: 'get',
    path: ROUTES.health,
    summary: 'Liveness and database check',
    tags: ['Meta'],
    guard: { kind: 'public' },
    response: HealthSchema,
    handler: async () => {
      await db.ping();
      return { body: { status: 'ok' } };
    },
  }),
  route({
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: ROUTES.openapi,
    summary: 'This document',
    tags: ['Meta'],
    guard: { kind: 'public' },
    response: z.record(z.string(), z.unknown()),
    handler: async () => ({ body: document() }),
  }),
];
