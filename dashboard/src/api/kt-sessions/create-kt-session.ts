import { KtSessionSchema, ROUTES, pathTo, type CreateKtSession } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** Records a session (docs/domain.md#knowledge-transfer-sessions); a retry with the same key records it once. */
export const createKtSession = (planId: string, body: CreateKtSession, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.ktSessions, { planId }), KtSessionSchema, { method: 'POST', json: body, idempotencyKey });

/** Every list of sessions (the Exit page's, each handover's and skill's) is read again. */
export function useCreateKtSession(planId: string) {
  const invalidate = useInvalidate(planId, 'ktSessions');
  return useMutation({ mutationFn: ({ body, key }: { body: CreateKtSession; key: string }) => createKtSession(planId, body, key), onSuccess: invalidate });
}
