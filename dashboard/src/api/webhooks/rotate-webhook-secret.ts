import { ROUTES, WebhookWithSecretSchema, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Issues a new signing secret, shown this once; the old one keeps signing for a while (docs/domain.md#webhooks). */
export const rotateWebhookSecret = (planId: string, webhookId: string, version: number) =>
  request(pathTo(ROUTES.webhookSecret, { planId, webhookId }), WebhookWithSecretSchema, { method: 'POST', ifMatch: version });

export function useRotateWebhookSecret(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => rotateWebhookSecret(planId, id, version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(planId) }),
  });
}
