import { PostSchema, type CreatePost } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../../lib/api-client';
import { useInvalidatePosts } from './invalidate';

export const createPost = (planId: string, body: CreatePost, idempotencyKey = newIdempotencyKey()) =>
  request(`/plans/${planId}/posts`, PostSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreatePost(planId: string) {
  const invalidate = useInvalidatePosts(planId);
  return useMutation({
    mutationFn: ({ body, key }: { body: CreatePost; key: string }) => createPost(planId, body, key),
    onSuccess: invalidate,
  });
}
