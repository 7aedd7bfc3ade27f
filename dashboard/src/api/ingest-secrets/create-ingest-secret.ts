import { CreatedIngestSecretSchema, ROUTES, pathTo, type CreateIngestSecret } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Creates an ingest secret; the answer holds the secret and its receiver path, never shown again. */
export const createIngestSecret = (planId: string, body: CreateIngestSecret) =>
  request(pathTo(ROUTES.ingestSecrets, { planId }), CreatedIngestSecretSchema, { method: 'POST', json: body });

export function useCreateIngestSecret(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIngestSecret) => createIngestSecret(planId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.ingestSecrets(planId) }),
  });
}
