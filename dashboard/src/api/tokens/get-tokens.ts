import { ApiTokenListSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** The caller's live API tokens (never their secrets). */
export const getTokens = () => request(pathTo(ROUTES.myTokens, {}), ApiTokenListSchema);
export const tokensQueryOptions = () => queryOptions({ queryKey: queryKeys.myTokens, queryFn: getTokens });
export const useTokens = () => useQuery(tokensQueryOptions());
