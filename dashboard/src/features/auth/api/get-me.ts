import { MeSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { meKey } from '../../../lib/query-keys';

export const getMe = () => request('/me', MeSchema);

export const meQueryOptions = () =>
  queryOptions({ queryKey: meKey, queryFn: getMe, staleTime: 60_000, retry: false });

export const useMe = () => useQuery(meQueryOptions());
