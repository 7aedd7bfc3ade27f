import { PostSchema, ROUTES, pageOf, pathTo, type PostSource } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const PostPage = pageOf(PostSchema);

export type PostFilters = { source?: PostSource; channel?: string; from?: string; to?: string };

export const getPosts = (planId: string, filters: PostFilters, offset: number, limit = 50) =>
  request(pathTo(ROUTES.posts, { planId }, { ...filters, offset, limit }), PostPage);

export const postsQueryOptions = (planId: string, filters: PostFilters, offset: number) =>
  queryOptions({ queryKey: queryKeys.posts(planId, filters, offset), queryFn: () => getPosts(planId, filters, offset), placeholderData: keepPreviousData });

export const usePosts = (planId: string, filters: PostFilters, offset: number) => useQuery(postsQueryOptions(planId, filters, offset));
