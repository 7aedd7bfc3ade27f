import { PostSchema, ROUTES, pathTo, type CreatePost } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createPost = (planId: string, body: CreatePost, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.posts, { planId }), PostSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreatePost(planId: string) {
  const invalidate = useInvalidate(planId, 'posts');
  return useMutation({ mutationFn: ({ body, key }: { body: CreatePost; key: string }) => createPost(planId, body, key), onSuccess: invalidate });
}
