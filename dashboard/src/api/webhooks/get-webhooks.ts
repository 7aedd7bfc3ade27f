import { ROUTES, WebhookSchema, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const WebhookPage = pageOf(WebhookSchema);

/** Every webhook of the plan, oldest first (no secrets; Slack URLs masked by the server). */
export const getWebhooks = (planId: string) =>
  requestAll((offset, limit) => request(pathTo(ROUTES.webhooks, { planId }, { offset, limit }), WebhookPage));
export const webhooksQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.webhooks(planId), queryFn: () => getWebhooks(planId) });
export const useWebhooks = (planId: string) => useQuery(webhooksQueryOptions(planId));
