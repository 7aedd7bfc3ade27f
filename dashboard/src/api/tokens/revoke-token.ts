import { ROUTES, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Revokes one of the caller's API tokens: it stops working at once. */
export const revokeToken = (tokenId: string) => request(pathTo(ROUTES.myToken, { tokenId }), null, { method: 'DELETE' });

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeToken, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.myTokens }) });
}
