import { UserSchema, pageOf } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { usersKey } from '../../../lib/query-keys';

const UserPage = pageOf(UserSchema);

/** Admins only: everyone who can sign in. */
export const getUsers = () => requestAll((offset, limit) => request('/users', UserPage, { query: { offset, limit } }));
export const usersQueryOptions = (enabled = true) => queryOptions({ queryKey: usersKey, queryFn: getUsers, enabled });
export const useUsers = (enabled = true) => useQuery(usersQueryOptions(enabled));
