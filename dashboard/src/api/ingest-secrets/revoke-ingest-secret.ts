import { ROUTES, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Revokes an ingest secret: its receiver answers 410 from then on. */
export const revokeIngestSecret = (planId: string, secretId: string) =>
  request(pathTo(ROUTES.ingestSecret, { planId, secretId }), null, { method: 'DELETE' });

export function useRevokeIngestSecret(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (secretId: string) => revokeIngestSecret(planId, secretId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ingestSecrets(planId) }),
  });
}
