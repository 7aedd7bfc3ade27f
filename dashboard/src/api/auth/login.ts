import { LoginResponseSchema, ROUTES, pathTo, type Login } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const login = (body: Login) => request(pathTo(ROUTES.login, {}), LoginResponseSchema, { method: 'POST', json: body });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Anything cached belonged to whoever was signed in before.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
