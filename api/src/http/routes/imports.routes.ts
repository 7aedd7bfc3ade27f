import type { Readable } from 'node:stream';
import {
  ImportCommitResultSchema,
  ImportMappingRequestSchema,
  ImportPreviewSchema,
  ImportStatusSchema,
  ImportUploadSchema,
  ROUTES,
  SavedImportMappingSchema,
} from '@handover/shared';
import { z } from 'zod';
import type { ImportMappingsService } from '../../modules/imports/import-mappings.service';
import type { ImportsService } from '../../modules/imports/imports.service';
import { XLSX_MEDIA_TYPE, route, type AnyRoute } from '../route-spec';
import { ImportMappingParams, ImportParams, PlanParams } from './params';
import { declaredLength } from './posts.routes';

// Mapped imports (docs/domain.md#mapped-imports): upload, map and preview, commit, discard; saved mappings.

const isXlsx = (stream: Readable) => Boolean((stream as Readable & { is(type: string): string | false | null }).is(XLSX_MEDIA_TYPE));

export const importRoutes = (imports: ImportsService, mappings: ImportMappingsService): AnyRoute[] => [
  route({
    operationId: 'uploadImport',
    method: 'post',
    path: ROUTES.imports,
    summary: 'Upload a CSV or XLSX export to map (kept 24 h): its columns, sample rows and the preset it matches',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: PlanParams,
    body: z.string(),
    bodyType: 'spreadsheet',
    status: 201,
    response: ImportUploadSchema,
    idempotent: true,
    problems: { 413: "The file, with the plan's other open uploads, is over IMPORT_MAX_MB", 422: 'The file cannot be read (not CSV, a damaged or oversized workbook)' },
    handler: async ({ stream }, ctx) => ({
      body: await imports.upload(ctx, stream, isXlsx(stream) ? 'xlsx' : 'csv', declaredLength(stream)),
    }),
  }),
  route({
    operationId: 'getImport',
    method: 'get',
    path: ROUTES.importUpload,
    summary: 'An upload: its columns and mapping, and a running commit’s progress, then its result',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: ImportParams,
    response: ImportStatusSchema,
    handler: async ({ params }, ctx) => ({ body: await imports.get(ctx, params.importId) }),
  }),
  route({
    operationId: 'mapImport',
    method: 'put',
    path: ROUTES.importMapping,
    summary: 'Set the mapping (a preset or columns) and preview every row: sides, errors, unknown authors and channels, duplicates',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: ImportParams,
    body: ImportMappingRequestSchema,
    response: ImportPreviewSchema,
    problems: { 409: 'The import is committing or committed' },
    handler: async ({ params, body }, ctx) => ({ body: await imports.setMapping(ctx, params.importId, body) }),
  }),
  route({
    operationId: 'commitImport',
    method: 'post',
    path: ROUTES.importCommit,
    summary: 'Store the mapped rows, all or none (202 with the progress when it takes over 30 s)',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: ImportParams,
    response: ImportCommitResultSchema,
    problems: {
      403: 'Agency staff, and a row is not on the agency side',
      409: 'Another import into this plan is running (import-in-progress), or this one is committed',
      422: 'A row is invalid or unclassified, or no mapping was set',
    },
    handler: async ({ params }, ctx) => {
      const outcome = await imports.commit(ctx, params.importId);
      return 'done' in outcome ? { body: outcome.done } : { status: 202, body: outcome.accepted };
    },
  }),
  route({
    operationId: 'deleteImport',
    method: 'delete',
    path: ROUTES.importUpload,
    summary: 'Discard an upload; for a committed import, remove the posts it brought',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: ImportParams,
    status: 204,
    problems: { 409: 'A commit of it is running' },
    handler: async ({ params }, ctx) => {
      await imports.discard(ctx, params.importId);
      return { status: 204 };
    },
  }),
  route({
    operationId: 'getImportMapping',
    method: 'get',
    path: ROUTES.importMappingSaved,
    summary: 'A saved import mapping',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'readImportMappings' },
    params: ImportMappingParams,
    response: SavedImportMappingSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const saved = await mappings.get(ctx, params.name);
      return { body: saved, etag: saved.version };
    },
  }),
  route({
    operationId: 'putImportMapping',
    method: 'put',
    path: ROUTES.importMappingSaved,
    summary: 'Save a mapping under a name (201 created, 200 replaced; If-Match guards a replacement)',
    tags: ['Imports'],
    guard: { kind: 'plan', access: 'edit' },
    params: ImportMappingParams,
    body: ImportMappingRequestSchema,
    response: SavedImportMappingSchema,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, body, ifMatch }, ctx) => {
      const { saved, created } = await mappings.put(ctx, params.name, body, ifMatch);
      return { status: created ? 201 : 200, body: saved, etag: saved.version };
    },
  }),
];
