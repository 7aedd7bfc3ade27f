import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { API_BASE, ProblemSchema, can } from '@handover/shared';
import { z } from 'zod';
import { SESSION_COOKIE } from '../modules/auth/tokens';
import { mediaTypesOf, type AnyRoute } from './route-spec';

const toOpenApiPath = (path: string) => `${API_BASE}${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The responses of a route, from what its spec declares: every operation documents at least one 4xx. */
function responses(spec: AnyRoute): RouteConfig['responses'] {
  const out: RouteConfig['responses'] = {};
  const status = spec.status ?? 200;
  out[String(status)] = spec.response
    ? {
        description: 'Success',
        content: { [spec.responseType ?? 'application/json']: { schema: spec.response } },
        ...(spec.versioned && spec.method !== 'delete'
          ? { headers: { ETag: { schema: { type: 'string' }, description: 'The resource version, quoted.' } } }
          : {}),
      }
    : { description: status === 204 ? 'No content' : 'Success' };
  if (spec.body) out['400'] = problem('Malformed body');
  if (spec.guard.kind !== 'public') out['401'] = problem('Not signed in');
  if (spec.guard.kind === 'admin' || spec.guard.kind === 'plan') out['403'] = problem('Role may not do this');
  // A scoped API token is refused everywhere but the routes its scope names.
  if (spec.guard.kind === 'user') out['403'] = problem('A scoped API token may not do this');
  if (spec.guard.kind === 'plan' || spec.params) out['404'] = problem('Not found, or not a member of the plan');
  if (spec.ifMatch) out['412'] = problem('Stale If-Match: changed by someone else');
  if (spec.ifMatch === 'required') out['428'] = problem('If-Match missing');
  if (spec.body) {
    out['413'] = problem('Body too large');
    out['415'] = problem('Wrong content type');
  }
  if (spec.body || spec.query || spec.idempotent) out['422'] = problem('Invalid input');
  for (const [code, description] of Object.entries(spec.problems ?? {})) out[code] = problem(description);
  // docs/domain.md#ending-the-agency: after the exit, every write agency staff may make is refused.
  if (spec.guard.kind === 'plan' && spec.method !== 'get' && can('agency', spec.guard.access)) {
    const own = spec.problems?.[409];
    out['409'] = problem(`${own ? `${own}; or` : 'Conflict:'} the agency exit is done and the caller is agency staff (\`plan-exited\`)`);
  }
  // Even a route that takes nothing can be sent a URL or request that is not valid.
  if (!Object.keys(out).some((code) => code.startsWith('4'))) out['400'] = problem('Malformed request');
  return out;
}

function request(spec: AnyRoute): RouteConfig['request'] {
  const headers: z.ZodObject[] = [];
  if (spec.idempotent) headers.push(z.object({ 'Idempotency-Key': z.string().max(255).optional() }));
  if (spec.ifMatch === 'required') headers.push(z.object({ 'If-Match': z.string() }));
  if (spec.ifMatch === 'optional') headers.push(z.object({ 'If-Match': z.string().optional() }));
  const mediaTypes = mediaTypesOf(spec.bodyType);
  return {
    ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
    ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
    ...(headers.length ? { headers } : {}),
    ...(spec.body
      ? {
          body: {
            required: true,
            content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: t === 'application/json' ? spec.body : z.string() }])),
          },
        }
      : {}),
  };
}

/** The OpenAPI 3.1 document, built from the same route specs the pipeline mounts. */
export function buildOpenApiDocument(routes: AnyRoute[]): unknown {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  for (const spec of routes) {
    registry.registerPath({
      method: spec.method,
      path: toOpenApiPath(spec.path),
      operationId: spec.operationId,
      summary: spec.summary,
      tags: spec.tags,
      security: spec.guard.kind === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
      request: request(spec),
      responses: responses(spec),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Handover API',
      version: '1.0.0',
      description:
        "Track the handover of an organisation's social-media voice from an agency to in-house staff. " +
        'Errors are RFC 9457 problem+json. Sign in with POST /api/v1/auth/login, then send Authorization: Bearer <token>.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
  });
}
