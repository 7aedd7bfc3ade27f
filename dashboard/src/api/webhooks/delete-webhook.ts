import { ROUTES, pathTo } from '@handover/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Deletes a webhook and its delivery log, if it is still the version the user saw. */
export const deleteWebhook = (planId: string, webhookId: string, version: number) =>
  request(pathTo(ROUTES.webhook, { planId, webhookId }), null, { method: 'DELETE', ifMatch: version });

export function useDeleteWebhook(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteWebhook(planId, id, version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(planId) }),
  });
}
