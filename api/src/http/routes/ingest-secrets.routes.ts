import {
  AgorapulseEventSchema,
  CreateIngestSecretSchema,
  CreatedIngestSecretSchema,
  IngestReceiptSchema,
  IngestSecretListSchema,
  PostizPayloadSchema,
  ROUTES,
  UuidSchema,
} from '@handover/shared';
import { z } from 'zod';
import type { IngestReceivers } from '../../modules/ingest-secrets/receivers.service';
import type { IngestSecretsService } from '../../modules/ingest-secrets/ingest-secrets.service';
import { route, type AnyRoute } from '../route-spec';
import { PlanParams } from './params';

const SecretParams = z.object({ planId: UuidSchema, secretId: UuidSchema });
/** The secret in a receiver's path; its shape is checked by the receiver (a wrong one is 404 like an unknown one). */
const ReceiverParams = z.object({ secret: z.string().max(200) });

/** What a receiver refuses before reading the body (docs/domain.md#receivers-and-ingest-secrets). */
const RECEIVER_PROBLEMS = {
  403: 'The secret is for the other receiver',
  404: 'No such secret',
  410: 'The secret was revoked',
  422: 'The payload is not one the tool sends',
  429: 'Too many deliveries with this secret, or too many unknown secrets from this address (with Retry-After)',
};

export const ingestSecretRoutes = (secrets: IngestSecretsService, receivers: IngestReceivers): AnyRoute[] => [
  route({
    operationId: 'listIngestSecrets',
    method: 'get',
    path: ROUTES.ingestSecrets,
    summary: 'List the plan’s ingest secrets, revoked ones included, without the secrets',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'manageIntegrations' },
    params: PlanParams,
    response: IngestSecretListSchema,
    handler: async (_input, ctx) => ({ body: await secrets.list(ctx) }),
  }),
  route({
    operationId: 'createIngestSecret',
    method: 'post',
    path: ROUTES.ingestSecrets,
    summary: 'Create an ingest secret for one receiver; the secret is shown once (null when replayed by Idempotency-Key)',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'manageIntegrations' },
    params: PlanParams,
    body: CreateIngestSecretSchema,
    status: 201,
    response: CreatedIngestSecretSchema,
    idempotent: true,
    handler: async ({ body }, ctx) => ({ body: await secrets.create(ctx, body) }),
  }),
  route({
    operationId: 'revokeIngestSecret',
    method: 'delete',
    path: ROUTES.ingestSecret,
    summary: 'Revoke an ingest secret: its receiver answers 410 from now on',
    tags: ['Ingest'],
    guard: { kind: 'plan', access: 'manageIntegrations' },
    params: SecretParams,
    status: 204,
    handler: async ({ params }, ctx) => {
      await secrets.revoke(ctx, params.secretId);
      return { status: 204 };
    },
  }),
  route({
    operationId: 'receivePostiz',
    method: 'post',
    path: ROUTES.ingestPostiz,
    summary: 'Postiz’s post-publish webhook: published posts are recorded (ledger, or inbox when the roster cannot place them)',
    tags: ['Ingest'],
    guard: { kind: 'public' },
    params: ReceiverParams,
    body: PostizPayloadSchema,
    response: IngestReceiptSchema,
    problems: RECEIVER_PROBLEMS,
    admit: (params, ctx) => receivers.admit(ctx, 'postiz', params.secret),
    handler: async ({ params, body }, ctx) => ({ body: await receivers.postiz(ctx, params.secret, body) }),
  }),
  route({
    operationId: 'receiveAgorapulse',
    method: 'post',
    path: ROUTES.ingestAgorapulse,
    summary: 'Agorapulse’s PUBLISHING_POST webhook: PUBLISHED is recorded, FAILED is acknowledged and recorded nowhere',
    tags: ['Ingest'],
    guard: { kind: 'public' },
    params: ReceiverParams,
    body: AgorapulseEventSchema,
    response: IngestReceiptSchema,
    problems: RECEIVER_PROBLEMS,
    admit: (params, ctx) => receivers.admit(ctx, 'agorapulse', params.secret),
    handler: async ({ params, body }, ctx) => ({ body: await receivers.agorapulse(ctx, params.secret, body) }),
  }),
];
