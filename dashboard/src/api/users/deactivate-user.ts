import { ROUTES, UserSchema, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/**
 * Admins only: ends every session and API token of the user at once; their history stays
 * (docs/domain.md#access-lifecycle). Deactivating yourself is refused with 409 `self-deactivation`.
 */
export const deactivateUser = (userId: string) => request(pathTo(ROUTES.userDeactivate, { userId }), UserSchema, { method: 'POST' });

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  // Refused or not, the list is read again: it shows the state the server holds.
  return useMutation({ mutationFn: deactivateUser, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }) });
}
