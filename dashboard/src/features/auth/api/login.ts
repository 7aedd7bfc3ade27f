import { LoginResponseSchema, type Login } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey } from '../../../lib/query-keys';

export const login = (body: Login) => request('/auth/login', LoginResponseSchema, { method: 'POST', json: body });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Anything cached belonged to whoever was signed in before.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
