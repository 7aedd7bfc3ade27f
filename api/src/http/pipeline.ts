import { UuidSchema } from '@handover/shared';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { forbidden, methodNotAllowed, notFound, unauthorized, unprocessable, unsupportedMediaType } from '../core/app-error';
import type { Clock } from '../core/clock';
import type { BeforeCommit, RequestCtx, UserCtx } from '../core/context';
import type { Db } from '../db/data-source';
import type { IdempotencyService } from '../modules/idempotency/idempotency.service';
import { assertTokenScope, authorizePlan } from './access';
import { Idempotency } from './idempotency';
import { crossOrigin } from './origin';
import { writeReply } from './reply';
import { describeParams, hasBody, ifMatchVersion, rejectNul, zodErrors } from './request';
import { mediaTypesOf, type AnyRoute, type Reply } from './route-spec';

/**
 * The request pipeline (docs/architecture.md#a-requests-path): for each route, in this order, the
 * guard, path parameters (a malformed id is 404), plan membership and role, query, body (media
 * type, NUL scan, schema), If-Match, the idempotency wrapper, the handler, and writing the reply.
 * Handlers see parsed input and the caller, never the request or the response.
 */
export function mountRoutes(routes: AnyRoute[], db: Db, clock: Clock, idempotencyStore: IdempotencyService): Router {
  const router = express.Router();
  const idempotency = new Idempotency(idempotencyStore);
  const methodsByPath = new Map<string, Set<string>>();
  for (const spec of routes) {
    const methods = methodsByPath.get(spec.path) ?? new Set<string>();
    methods.add(spec.method.toUpperCase());
    methodsByPath.set(spec.path, methods);
    router[spec.method](spec.path, handle(spec, db, clock, idempotency));
  }
  // After every route: 405 with Allow for a known path and an unknown method.
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods];
    if (allow.includes('GET')) allow.push('HEAD');
    router.all(path, () => {
      throw methodNotAllowed(allow);
    });
  }
  return router;
}

function handle(spec: AnyRoute, db: Db, clock: Clock, idempotency: Idempotency): RequestHandler {
  const status = spec.status ?? 200;
  return async (req, res) => {
    const base = res.locals.ctx as RequestCtx;
    let ctx: RequestCtx = base;
    if (spec.guard.kind !== 'public') {
      if (!base.user || !base.credential) throw unauthorized();
      if (res.locals.crossOriginCookie === true) throw crossOrigin();
      if (spec.guard.kind === 'admin' && !base.user.isAdmin) throw forbidden('Only administrators may do this.');
      assertTokenScope(base as UserCtx, spec.scope, typeof req.params.planId === 'string' ? req.params.planId : undefined);
    }
    // A malformed id in the path names no resource: 404, like any unknown id.
    let params: Record<string, unknown> = {};
    if (spec.params) {
      const parsed = spec.params.safeParse(req.params);
      if (!parsed.success) throw notFound(describeParams(parsed.error));
      params = parsed.data;
    }
    if (spec.guard.kind === 'plan') {
      const planId = UuidSchema.safeParse(req.params.planId);
      if (!planId.success) throw notFound('plan');
      ctx = await authorizePlan(db, clock, base as UserCtx, planId.data, spec.guard.access, spec.method !== 'get');
    }
    if (spec.admit) await spec.admit(params, ctx);
    let query: Record<string, unknown> = {};
    if (spec.query) {
      rejectNul(req.query, 'The query string is invalid.');
      const parsed = spec.query.safeParse(req.query);
      if (!parsed.success) throw unprocessable(zodErrors(parsed.error), 'The query string is invalid.');
      query = parsed.data;
    }
    const body = spec.body ? parseBody(spec, req) : undefined;
    const ifMatch = spec.ifMatch ? ifMatchVersion(req, spec.ifMatch) : undefined;
    const input = { params, query, body, ifMatch, stream: req };
    const run = (beforeCommit?: BeforeCommit) => spec.handler(input, beforeCommit ? { ...ctx, beforeCommit } : ctx);
    const reply: Reply | null = spec.idempotent ? await idempotency.run(req, res, ctx as UserCtx, status, run) : await run();
    if (reply) await writeReply(req, res, reply, status);
  };
}

/** A JSON body parsed with the route's schema; a streamed body only checked for its media type. */
function parseBody(spec: AnyRoute, req: Request): unknown {
  const mediaTypes = mediaTypesOf(spec.bodyType);
  if (mediaTypes[0] !== 'application/json') {
    if (!req.is(mediaTypes)) throw unsupportedMediaType(mediaTypes.join(' or '));
    return undefined;
  }
  if (hasBody(req) && !req.is('application/json')) throw unsupportedMediaType('application/json');
  rejectNul(req.body);
  const parsed = spec.body!.safeParse(req.body);
  if (!parsed.success) throw unprocessable(zodErrors(parsed.error));
  return parsed.data;
}

