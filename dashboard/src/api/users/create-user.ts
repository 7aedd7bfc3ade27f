import { ROUTES, UserSchema, pathTo, type CreateUser } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const createUser = (body: CreateUser) => request(pathTo(ROUTES.users, {}), UserSchema, { method: 'POST', json: body });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }) });
}
