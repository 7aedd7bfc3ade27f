import { CreatedApiTokenSchema, ROUTES, pathTo, type CreateApiToken } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Creates an API token; the answer holds its secret, which is never shown again. */
export const createToken = (body: CreateApiToken) => request(pathTo(ROUTES.myTokens, {}), CreatedApiTokenSchema, { method: 'POST', json: body });

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myTokens }) });
}
