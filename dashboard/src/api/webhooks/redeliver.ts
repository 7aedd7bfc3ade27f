import { ROUTES, WebhookDeliverySchema, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Queues a failed delivery again, due now, with the same webhook-id (202). */
export const redeliver = (planId: string, webhookId: string, deliveryId: string) =>
  request(pathTo(ROUTES.webhookRedeliver, { planId, webhookId, deliveryId }), WebhookDeliverySchema, { method: 'POST' });

export function useRedeliver(planId: string, webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => redeliver(planId, webhookId, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...queryKeys.webhooks(planId), webhookId, 'deliveries'] }),
  });
}
