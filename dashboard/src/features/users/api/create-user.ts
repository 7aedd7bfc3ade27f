import { UserSchema, type CreateUser } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { usersKey } from '../../../lib/query-keys';

export const createUser = (body: CreateUser) => request('/users', UserSchema, { method: 'POST', json: body });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
