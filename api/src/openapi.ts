import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Api } from './http/api';

export function buildOpenApiDocument(api: Api): unknown {
  return new OpenApiGeneratorV31(api.registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Handover API',
      version: '1.0.0',
      description:
        'Track the handover of an organisation\'s social-media voice from an agency to in-house staff. ' +
        'Errors are RFC 9457 problem+json. Sign in with POST /api/v1/auth/login, then send Authorization: Bearer <token>.',
    },
    servers: [{ url: '/' }],
  });
}
