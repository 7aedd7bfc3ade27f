import { MemberSchema, ROUTES, pathTo, type PutMember } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/**
 * Adds a member or replaces their membership: the role and `accessUntil` together, so a change of
 * one must send the other as it is (docs/domain.md#access-lifecycle).
 */
export const putMember = (planId: string, userId: string, body: PutMember) =>
  request(pathTo(ROUTES.member, { planId, userId }), MemberSchema, { method: 'PUT', json: body });

export function usePutMember(planId: string) {
  const invalidate = useInvalidate(planId, 'members');
  return useMutation({ mutationFn: ({ userId, ...body }: PutMember & { userId: string }) => putMember(planId, userId, body), onSuccess: invalidate });
}
