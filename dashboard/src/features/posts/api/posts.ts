import { PostSchema, pageOf, type CreatePost, type PostSource } from '@handover/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildUrl, newIdempotencyKey, request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const PostPage = pageOf(PostSchema);

export type PostFilters = { source?: PostSource; channel?: string; from?: string; to?: string };

export const getPosts = (planId: string, filters: PostFilters, offset: number, limit = 50) =>
  request(`/plans/${planId}/posts`, PostPage, { query: { ...filters, offset, limit } });

export const postsQueryOptions = (planId: string, filters: PostFilters, offset: number) =>
  queryOptions({ queryKey: planKey(planId, 'posts', filters, offset), queryFn: () => getPosts(planId, filters, offset), placeholderData: keepPreviousData });
export const usePosts = (planId: string, filters: PostFilters, offset: number) => useQuery(postsQueryOptions(planId, filters, offset));

export const exportUrl = (planId: string, filters: PostFilters) => buildUrl(`/plans/${planId}/posts/export`, filters);

export const createPost = (planId: string, body: CreatePost, idempotencyKey = newIdempotencyKey()) =>
  request(`/plans/${planId}/posts`, PostSchema, { method: 'POST', json: body, idempotencyKey });

/** Posts feed the share chart and the summary. */
export function useInvalidatePosts(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['posts', 'share', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}

export function useCreatePost(planId: string) {
  const invalidate = useInvalidatePosts(planId);
  return useMutation({
    mutationFn: ({ body, key }: { body: CreatePost; key: string }) => createPost(planId, body, key),
    onSuccess: invalidate,
  });
}
