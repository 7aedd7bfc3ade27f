import { ROUTES, UserSchema, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const UserPage = pageOf(UserSchema);

/** Admins only: everyone who can sign in. */
export const getUsers = () => requestAll((offset, limit) => request(pathTo(ROUTES.users, {}, { offset, limit }), UserPage));
export const usersQueryOptions = (enabled = true) => queryOptions({ queryKey: queryKeys.users, queryFn: getUsers, enabled });
export const useUsers = (enabled = true) => useQuery(usersQueryOptions(enabled));
