import { ROUTES, WebhookDeliverySchema, pageOf, pathTo } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

export const DELIVERIES_PAGE_SIZE = 20;
const DeliveryPage = pageOf(WebhookDeliverySchema);

/** One page of a webhook's deliveries, newest first, each with its attempts. */
export const getDeliveries = (planId: string, webhookId: string, offset: number) =>
  request(pathTo(ROUTES.webhookDeliveries, { planId, webhookId }, { offset, limit: DELIVERIES_PAGE_SIZE }), DeliveryPage);
export const deliveriesQueryOptions = (planId: string, webhookId: string, offset: number) =>
  queryOptions({
    queryKey: queryKeys.webhookDeliveries(planId, webhookId, offset),
    queryFn: () => getDeliveries(planId, webhookId, offset),
    placeholderData: keepPreviousData,
  });
export const useDeliveries = (planId: string, webhookId: string, offset: number) => useQuery(deliveriesQueryOptions(planId, webhookId, offset));
