import { ROUTES, UserSchema, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Admins only: the user may sign in again; what was revoked stays revoked. */
export const reactivateUser = (userId: string) => request(pathTo(ROUTES.userReactivate, { userId }), UserSchema, { method: 'POST' });

export function useReactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reactivateUser, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }) });
}
