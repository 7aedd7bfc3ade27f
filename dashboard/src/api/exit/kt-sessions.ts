import { KtSessionSchema, pageOf, pathTo, type CreateKtSession } from '@handover/shared';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { newIdempotencyKey, request, requestAll } from '../../lib/api-client';
import { queryKeys, useInvalidate } from '../query-keys';
import { EXIT_ROUTES } from './routes';

const KtSessionPage = pageOf(KtSessionSchema);

/** `from`/`to`: sessions on or after / on or before these dates. */
export type KtSessionFilters = { handoverId?: string; skillId?: string; from?: string; to?: string };

export const getKtSessions = (planId: string, filters: KtSessionFilters = {}) =>
  requestAll((offset, limit) => request(pathTo(EXIT_ROUTES.ktSessions, { planId }, { offset, limit, ...filters }), KtSessionPage));

export const ktSessionsQueryOptions = (planId: string, filters: KtSessionFilters = {}) =>
  queryOptions({ queryKey: queryKeys.ktSessions(planId, filters), queryFn: () => getKtSessions(planId, filters) });
export const useKtSessions = (planId: string, filters: KtSessionFilters = {}) => useQuery(ktSessionsQueryOptions(planId, filters));

export const createKtSession = (planId: string, body: CreateKtSession, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(EXIT_ROUTES.ktSessions, { planId }), KtSessionSchema, { method: 'POST', json: body, idempotencyKey });

export function useCreateKtSession(planId: string) {
  const invalidate = useInvalidate(planId, 'ktSessions');
  return useMutation({ mutationFn: ({ body, key }: { body: CreateKtSession; key: string }) => createKtSession(planId, body, key), onSuccess: invalidate });
}
