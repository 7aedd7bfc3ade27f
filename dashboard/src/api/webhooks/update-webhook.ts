import { ROUTES, WebhookSchema, pathTo, type UpdateWebhook } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** PATCH with If-Match: the version the user saw; a newer one on the server answers 412. */
export const updateWebhook = (planId: string, webhookId: string, version: number, body: UpdateWebhook) =>
  request(pathTo(ROUTES.webhook, { planId, webhookId }), WebhookSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdateWebhook(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateWebhook }) => updateWebhook(planId, id, version, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(planId) }),
  });
}
