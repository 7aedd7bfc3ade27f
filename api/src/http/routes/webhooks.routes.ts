import {
  CreateWebhookSchema,
  ROUTES,
  UpdateWebhookSchema,
  WebhookDeliveryListQuerySchema,
  WebhookDeliverySchema,
  WebhookListQuerySchema,
  WebhookSchema,
  WebhookWithSecretSchema,
  pageOf,
} from '@handover/shared';
import type { WebhooksService } from '../../modules/webhooks/webhooks.service';
import { route, type AnyRoute } from '../route-spec';
import { DeliveryParams, NoBody, PlanParams, WebhookParams } from './params';

// Webhooks and their delivery log: leads and admins only, reads included (docs/domain.md#webhooks).
const guard = { kind: 'plan', access: 'edit' } as const;
const tags = ['Webhooks'];
/** The actions below take no body; one sent must be empty (a stray field is 422, as everywhere). */

export const webhookRoutes = (webhooks: WebhooksService): AnyRoute[] => [
  route({
    operationId: 'listWebhooks',
    method: 'get',
    path: ROUTES.webhooks,
    summary: "List the plan's webhooks (no secrets; Slack URLs masked)",
    tags,
    guard,
    params: PlanParams,
    query: WebhookListQuerySchema,
    response: pageOf(WebhookSchema),
    handler: async ({ query }, ctx) => ({ body: await webhooks.list(ctx, query) }),
  }),
  route({
    operationId: 'createWebhook',
    method: 'post',
    path: ROUTES.webhooks,
    summary: 'Add a webhook; the answer holds its signing secret, shown this once',
    tags,
    guard,
    params: PlanParams,
    body: CreateWebhookSchema,
    status: 201,
    response: WebhookWithSecretSchema,
    idempotent: true,
    versioned: true,
    handler: async ({ body }, ctx) => {
      const hook = await webhooks.create(ctx, body);
      return { body: hook, etag: hook.version };
    },
  }),
  route({
    operationId: 'getWebhook',
    method: 'get',
    path: ROUTES.webhook,
    summary: 'Get a webhook (no secret; a Slack URL masked)',
    tags,
    guard,
    params: WebhookParams,
    response: WebhookSchema,
    versioned: true,
    handler: async ({ params }, ctx) => {
      const hook = await webhooks.get(ctx, params.webhookId);
      return { body: hook, etag: hook.version };
    },
  }),
  route({
    operationId: 'updateWebhook',
    method: 'patch',
    path: ROUTES.webhook,
    summary: 'Change URL, events, format or active (If-Match required)',
    tags,
    guard,
    params: WebhookParams,
    body: UpdateWebhookSchema,
    response: WebhookSchema,
    versioned: true,
    ifMatch: 'required',
    handler: async ({ params, body, ifMatch }, ctx) => {
      const hook = await webhooks.update(ctx, params.webhookId, ifMatch, body);
      return { body: hook, etag: hook.version };
    },
  }),
  route({
    operationId: 'deleteWebhook',
    method: 'delete',
    path: ROUTES.webhook,
    summary: 'Delete a webhook and its delivery log (If-Match honoured when sent)',
    tags,
    guard,
    params: WebhookParams,
    status: 204,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, ifMatch }, ctx) => {
      await webhooks.remove(ctx, params.webhookId, ifMatch);
      return { status: 204 };
    },
  }),
  route({
    operationId: 'rotateWebhookSecret',
    method: 'post',
    path: ROUTES.webhookSecret,
    summary: 'Issue a new signing secret, shown this once; the old one also signs for 24 hours (If-Match honoured when sent)',
    tags,
    guard,
    params: WebhookParams,
    body: NoBody,
    response: WebhookWithSecretSchema,
    versioned: true,
    ifMatch: 'optional',
    handler: async ({ params, ifMatch }, ctx) => {
      const hook = await webhooks.rotateSecret(ctx, params.webhookId, ifMatch);
      return { body: hook, etag: hook.version };
    },
  }),
  route({
    operationId: 'listWebhookDeliveries',
    method: 'get',
    path: ROUTES.webhookDeliveries,
    summary: "A webhook's deliveries, newest first, each with its attempts and their status codes",
    tags,
    guard,
    params: WebhookParams,
    query: WebhookDeliveryListQuerySchema,
    response: pageOf(WebhookDeliverySchema),
    handler: async ({ params, query }, ctx) => ({ body: await webhooks.listDeliveries(ctx, params.webhookId, query) }),
  }),
  route({
    operationId: 'redeliverWebhookDelivery',
    method: 'post',
    path: ROUTES.webhookRedeliver,
    summary: 'Send a failed (or delivered) delivery again, now, with the same webhook-id and a fresh retry window',
    tags,
    guard,
    params: DeliveryParams,
    body: NoBody,
    status: 202,
    response: WebhookDeliverySchema,
    problems: { 409: 'The delivery is still pending.' },
    handler: async ({ params }, ctx) => ({ status: 202, body: await webhooks.redeliver(ctx, params.webhookId, params.deliveryId) }),
  }),
];
