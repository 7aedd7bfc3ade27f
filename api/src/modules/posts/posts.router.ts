import {
  CreatePostSchema,
  ExportQuerySchema,
  ImportQuerySchema,
  ImportResultSchema,
  PostListQuerySchema,
  PostSchema,
  ShareQuerySchema,
  ShareSchema,
  UuidSchema,
  pageOf,
} from '@handover/shared';
import { z } from 'zod';
import type { Api } from '../../http/api';
import type { PostsService } from './posts.service';

const PlanParams = z.object({ planId: UuidSchema });
const PostParams = z.object({ planId: UuidSchema, postId: UuidSchema });

export function registerPostsRoutes(api: Api, posts: PostsService): void {
  // Literal paths first, so /posts/:postId does not swallow them.
  api.route({
    method: 'post',
    path: '/plans/:planId/posts/import',
    summary: 'Import posts from CSV (channel,published_at,source,external_id,author): all rows or none',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: PlanParams,
    query: ImportQuerySchema,
    body: z.string(),
    bodyType: 'text/csv',
    response: ImportResultSchema,
    handler: async ({ query }, ctx, req) => ({
      body: await posts.importCsv(ctx, req, { dryRun: query.dryRun ?? false }),
    }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/posts/export',
    summary: 'Export posts as CSV (same columns as the import; formula-like cells escaped)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: ExportQuerySchema,
    response: z.string(),
    responseType: 'text/csv',
    handler: async ({ query }, ctx, _req, res) => {
      await posts.exportCsv(ctx, query, res);
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/posts/share',
    summary: 'Posts per week or month by source, with the in-house share; empty periods are zeros',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: ShareQuerySchema,
    response: ShareSchema,
    handler: async ({ query }, ctx) => ({ body: await posts.share(ctx, query) }),
  });

  api.route({
    method: 'post',
    path: '/plans/:planId/posts',
    summary: 'Record a published post (agency staff: source agency only)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'recordPosts' },
    params: PlanParams,
    body: CreatePostSchema,
    status: 201,
    response: PostSchema,
    idempotent: true,
    handler: async ({ body }, ctx) => ({ body: await posts.create(ctx, body) }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/posts',
    summary: 'List posts, newest first (filters: source, channel, from, to)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PlanParams,
    query: PostListQuerySchema,
    response: pageOf(PostSchema),
    handler: async ({ query }, ctx) => ({ body: await posts.list(ctx, query) }),
  });

  api.route({
    method: 'get',
    path: '/plans/:planId/posts/:postId',
    summary: 'Get a post',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'read' },
    params: PostParams,
    response: PostSchema,
    handler: async ({ params }, ctx) => ({ body: await posts.get(ctx, params.postId) }),
  });

  api.route({
    method: 'delete',
    path: '/plans/:planId/posts/:postId',
    summary: 'Delete a post (leads)',
    tags: ['Posts'],
    guard: { kind: 'plan', access: 'edit' },
    params: PostParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await posts.remove(ctx, params.postId);
      return { status: 204 };
    },
  });
}
