import { MeSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const getMe = () => request(pathTo(ROUTES.me, {}), MeSchema);

export const meQueryOptions = () => queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000, retry: false });

export const useMe = () => useQuery(meQueryOptions());
