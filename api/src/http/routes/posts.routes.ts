import type { Readable } from 'node:stream';
import {
  CreatePostSchema,
  ExportQuerySchema,
  ImportQuerySchema,
  ImportResultSchema,
  PostListQuerySchema,
  PostSchema,
  ROUTES,
  ShareQuerySchema,
  ShareSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { PostsService } from '../../modules/posts/posts.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams, PostParams } from './params';

export const postRoutes = (posts: PostsService): AnyRoute[] => [
  // Literal paths first, so /posts/:postId does not swallow them.
  route({
    operationId: 'importPosts',
    scope: 'posts:write',
    method: 'post',
    path: ROUTES.postsImport,
    summary: 'Import posts from CSV (channel,published_at,source,external_id,author): all rows or none',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: PlanParams,
    query: ImportQuerySchema,
    body: z.string(),
    bodyType: 'text/csv',
    response: ImportResultSchema,
    problems: {
      409: 'Another import into this plan is running (import-in-progress)',
      413: 'The file is over IMPORT_MAX_MB',
      429: 'Too many uploads being received at once (Retry-After)',
    },
    handler: async ({ query, stream }, ctx) => ({
      body: await posts.importCsv(ctx, stream, { dryRun: query.dryRun ?? false, declaredBytes: declaredLength(stream) }),
    }),
  }),
  route({
    operationId: 'exportPosts',
    method: 'get',
    path: ROUTES.postsExport,
    summary: 'Export posts as CSV (same columns as the import; formula-like cells escaped)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: ExportQuerySchema,
    response: z.string(),
    responseType: 'text/csv',
    handler: async ({ query }, ctx) => ({
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${await posts.exportFileName(ctx)}"`,
        'Cache-Control': 'no-store',
      },
      stream: posts.exportCsv(ctx, query),
    }),
  }),
  route({
    operationId: 'getPostsShare',
    method: 'get',
    path: ROUTES.postsShare,
    summary: 'Posts per week or month by source, with the in-house share; empty periods are zeros',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: ShareQuerySchema,
    response: ShareSchema,
    handler: async ({ query }, ctx) => ({ body: await posts.share(ctx, query) }),
  }),
  route({
    operationId: 'createPost',
    scope: 'posts:write',
    method: 'post',
    path: ROUTES.posts,
    summary: 'Record a published post (agency staff: source agency only)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: PlanParams,
    body: CreatePostSchema,
    status: 201,
    response: PostSchema,
    idempotent: true,
    handler: async ({ body }, ctx) => ({ body: await posts.create(ctx, body) }),
  }),
  route({
    operationId: 'listPosts',
    method: 'get',
    path: ROUTES.posts,
    summary: 'List posts, newest first (filters: source, channel, account, from, to)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: PostListQuerySchema,
    response: pageOf(PostSchema),
    handler: async ({ query }, ctx) => ({ body: await posts.list(ctx, query) }),
  }),
  route({
    operationId: 'getPost',
    method: 'get',
    path: ROUTES.post,
    summary: 'Get a post',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PostParams,
    response: PostSchema,
    handler: async ({ params }, ctx) => ({ body: await posts.get(ctx, params.postId) }),
  }),
  route({
    operationId: 'deletePost',
    method: 'delete',
    path: ROUTES.post,
    summary: 'Delete a post (leads)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'edit' },
    params: PostParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await posts.remove(ctx, params.postId);
      return { status: 204 };
    },
  }),
];

/** The upload's Content-Length, when the client sent one: an import over the cap is refused before it is read. */
export function declaredLength(stream: Readable): number | undefined {
  const header = (stream as Readable & { headers?: Record<string, string | string[] | undefined> }).headers?.['content-length'];
  return typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : undefined;
}
