import { UserSchema, pageOf, type CreateUser } from '@handover/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { usersKey } from '../../../lib/query-keys';

const UserPage = pageOf(UserSchema);

export const getUsers = () =>
  requestAll((offset, limit) => request('/users', UserPage, { query: { offset, limit } }));
export const usersQueryOptions = (enabled = true) => queryOptions({ queryKey: usersKey, queryFn: getUsers, enabled });
export const useUsers = (enabled = true) => useQuery(usersQueryOptions(enabled));

export const createUser = (body: CreateUser) => request('/users', UserSchema, { method: 'POST', json: body });
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }) });
}
