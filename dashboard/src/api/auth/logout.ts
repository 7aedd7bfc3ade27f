import { ROUTES, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';

export const logout = () => request(pathTo(ROUTES.logout, {}), null, { method: 'POST' });

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out either way: a 401 here means the session had already ended.
    onSettled: () => queryClient.clear(),
  });
}
