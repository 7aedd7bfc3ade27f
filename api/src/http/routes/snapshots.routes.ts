import {
  CreateSnapshotSchema,
  ROUTES,
  SnapshotBackfillResultSchema,
  SnapshotCompareQuerySchema,
  SnapshotComparisonSchema,
  SnapshotListItemSchema,
  SnapshotListQuerySchema,
  SnapshotSchema,
  UpdateSnapshotSchema,
  pageOf,
} from '@handover/shared';
import type { SnapshotsService } from '../../modules/snapshots/snapshots.service';
import { route, type AnyRoute } from '../route-spec';
import { NoBody, PlanParams, SnapshotParams } from './params';

export const snapshotRoutes = (snapshots: SnapshotsService): AnyRoute[] => [
  route({
    operationId: 'listSnapshots',
    method: 'get',
    path: ROUTES.snapshots,
    summary: 'Status snapshots, newest first, without their items (filter: kind)',
    tags: ['Snapshots'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: SnapshotListQuerySchema,
    response: pageOf(SnapshotListItemSchema),
    handler: async ({ query }, ctx) => ({ body: await snapshots.list(ctx, query) }),
  }),
  route({
    operationId: 'takeSnapshot',
    method: 'post',
    path: ROUTES.snapshots,
    summary: "Take a snapshot of the plan as it stands, with the lead's status (rag, note)",
    tags: ['Snapshots'],
    guard: { kind: 'plan', access: 'recordStatus' },
    params: PlanParams,
    body: CreateSnapshotSchema,
    status: 201,
    response: SnapshotSchema,
    idempotent: true,
    versioned: true,
    handler: async ({ body }, ctx) => {
      const snapshot = await snapshots.create(ctx, body);
      return { body: snapshot, etag: snapshot.version };
    },
  }),
  route({
    operationId: 'compareSnapshots',
    method: 'get',
    path: ROUTES.snapshotsCompare,
    summary: 'What changed from one snapshot to another',
    tags: ['Snapshots'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: SnapshotCompareQuerySchema,
    response: SnapshotComparisonSchema,
    handler: async ({ query }, ctx) => ({ body: await snapshots.compare(ctx, query.from, query.to) }),
  }),
  route({
    operationId: 'backfillSnapshots',
    method: 'post',
    path: ROUTES.snapshotsBackfill,
    summary: 'Rebuild the missing weekly snapshots since the plan started (at most 104 weeks) from history',
    tags: ['Snapshots'],
    guard: { kind: 'plan', access: 'recordStatus' },
    params: PlanParams,
    body: NoBody,
    response: SnapshotBackfillResultSchema,
    handler: async (_input, ctx) => ({ body: await snapshots.backfill(ctx) }),
  }),
  route({
    operationId: 'getSnapshot',
    method: 'get',
    path: ROUTES.snapshot,
    summary: 'Get a snapshot with the state of every item',
    tags: ['Snapshots'],
    guard: { kind: 'plan', access: 'read' },
    params: SnapshotParams,
    response: SnapshotSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const snapshot = await snapshots.get(ctx, params.snapshotId);
      return { body: snapshot, etag: snapshot.version };
    },
  }),
  route({
    operationId: 'updateSnapshotStatus',
    method: 'patch',
    path: ROUTES.snapshot,
    summary: "Edit a snapshot's status (rag, note; If-Match required); the figures never change",
    tags: ['Snapshots'],
    guard: { kind: 'plan', access: 'recordStatus' },
    params: SnapshotParams,
    body: UpdateSnapshotSchema,
    response: SnapshotSchema,
    versioned: true,
    ifMatch: 'required',
    handler: async ({ params, body, ifMatch }, ctx) => {
      const snapshot = await snapshots.update(ctx, params.snapshotId, ifMatch, body);
      return { body: snapshot, etag: snapshot.version };
    },
  }),
];
