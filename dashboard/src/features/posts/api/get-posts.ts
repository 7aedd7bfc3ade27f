import { PostSchema, pageOf, type PostSource } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const PostPage = pageOf(PostSchema);

export type PostFilters = { source?: PostSource; channel?: string; from?: string; to?: string };

export const getPosts = (planId: string, filters: PostFilters, offset: number, limit = 50) =>
  request(`/plans/${planId}/posts`, PostPage, { query: { ...filters, offset, limit } });

export const postsQueryOptions = (planId: string, filters: PostFilters, offset: number) =>
  queryOptions({ queryKey: planKey(planId, 'posts', filters, offset), queryFn: () => getPosts(planId, filters, offset), placeholderData: keepPreviousData });

export const usePosts = (planId: string, filters: PostFilters, offset: number) => useQuery(postsQueryOptions(planId, filters, offset));
