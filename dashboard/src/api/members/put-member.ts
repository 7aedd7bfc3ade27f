import { MemberSchema, ROUTES, pathTo, type Role } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** Adds a member or changes their role. */
export const putMember = (planId: string, userId: string, role: Role) =>
  request(pathTo(ROUTES.member, { planId, userId }), MemberSchema, { method: 'PUT', json: { role } });

export function usePutMember(planId: string) {
  const invalidate = useInvalidate(planId, 'members');
  return useMutation({ mutationFn: ({ userId, role }: { userId: string; role: Role }) => putMember(planId, userId, role), onSuccess: invalidate });
}
