import { ROUTES, WebhookWithSecretSchema, pathTo, type CreateWebhook } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Adds a webhook; the answer holds its signing secret, never shown again. */
export const createWebhook = (planId: string, body: CreateWebhook) =>
  request(pathTo(ROUTES.webhooks, { planId }), WebhookWithSecretSchema, { method: 'POST', json: body, idempotencyKey: newIdempotencyKey() });

export function useCreateWebhook(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhook) => createWebhook(planId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(planId) }),
  });
}
