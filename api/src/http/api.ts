import { createHash, randomUUID } from 'node:crypto';
import { OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ProblemSchema, UuidSchema } from '@handover/shared';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/data-source';
import type { IdempotencyService } from '../modules/idempotency/idempotency.service';
import { authorizePlan, type PlanAccess } from './access';
import type { PlanCtx, RequestCtx, UserCtx } from './context';
import {
  AppError,
  forbidden,
  methodNotAllowed,
  notFound,
  unauthorized,
  unprocessable,
  unsupportedMediaType,
  type FieldError,
} from './problem';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyObject = z.ZodType<Record<string, unknown>>;

/** Who may call a route: anyone, any signed-in user, admins only, or members of the plan in :planId. */
export type Guard = { kind: 'public' } | { kind: 'user' } | { kind: 'admin' } | { kind: 'plan'; access: PlanAccess };

export type Reply = {
  status?: number;
  body?: unknown;
  /** The body already serialised as JSON (a cached response); sent as is instead of `body`. */
  json?: string;
  /** The resource version, sent as ETag. */
  etag?: number;
  headers?: Record<string, string>;
};

type CtxFor<G extends Guard> = G extends { kind: 'plan' } ? PlanCtx : G extends { kind: 'public' } ? RequestCtx : UserCtx;

export type RouteSpec<G extends Guard, P extends AnyObject, Q extends AnyObject, B extends z.ZodType> = {
  method: Method;
  /** Express-style path under /api/v1, e.g. /plans/:planId/milestones/:milestoneId. */
  path: string;
  summary: string;
  tags: string[];
  guard: G;
  params?: P;
  query?: Q;
  body?: B;
  /** Media type of the body; JSON unless said otherwise. */
  bodyType?: 'application/json' | 'text/csv';
  status?: number;
  response?: z.ZodType;
  /** Accepts Idempotency-Key. */
  idempotent?: boolean;
  /** GET returns an ETag; PATCH needs If-Match. */
  versioned?: boolean;
  /** The handler writes the response itself (streams). */
  responseType?: string;
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    ctx: CtxFor<G>,
    req: Request,
    res: Response,
  ) => Promise<Reply | undefined>;
};

export function zodErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const join = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  // One entry per unknown key, with the key in its path, so clients can map it back to a field.
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: join([...issue.path, key]), message: `unknown field: ${key}` }))
      : [{ path: join(issue.path), message: issue.message }],
  );
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/**
 * The route table: every endpoint is declared once here, which both mounts it on Express and
 * documents it in OpenAPI, so the docs cannot miss a route.
 */
export class Api {
  readonly router: Router = express.Router();
  readonly registry = new OpenAPIRegistry();
  private readonly methodsByPath = new Map<string, Set<string>>();

  constructor(
    private readonly db: Db,
    private readonly idempotency: IdempotencyService,
  ) {
    this.registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
    this.registry.registerComponent('securitySchemes', 'cookie', {
      type: 'apiKey',
      in: 'cookie',
      name: 'handover_session',
    });
  }

  route<G extends Guard, P extends AnyObject, Q extends AnyObject, B extends z.ZodType = z.ZodUndefined>(
    spec: RouteSpec<G, P, Q, B>,
  ): void {
    const methods = this.methodsByPath.get(spec.path) ?? new Set<string>();
    methods.add(spec.method.toUpperCase());
    this.methodsByPath.set(spec.path, methods);
    this.document(spec);
    this.router[spec.method](spec.path, this.handle(spec));
  }

  /** After every route: 405 with Allow for a known path and an unknown method. */
  finish(): void {
    for (const [path, methods] of this.methodsByPath) {
      const allow = [...methods];
      if (allow.includes('GET')) allow.push('HEAD');
      this.router.all(path, () => {
        throw methodNotAllowed(allow);
      });
    }
  }

  private handle<G extends Guard, P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
    spec: RouteSpec<G, P, Q, B>,
  ): RequestHandler {
    return async (req, res) => {
      const base = res.locals.ctx as RequestCtx;
      let ctx: RequestCtx = base;
      if (spec.guard.kind !== 'public') {
        if (!base.user || !base.credential) throw unauthorized();
        if (spec.guard.kind === 'admin' && !base.user.isAdmin) throw forbidden('Only administrators may do this.');
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
        ctx = await authorizePlan(this.db, base as UserCtx, planId.data, spec.guard.access);
      }
      let query: Record<string, unknown> = {};
      if (spec.query) {
        rejectNul(req.query, 'The query string is invalid.');
        const parsed = spec.query.safeParse(req.query);
        if (!parsed.success) throw unprocessable(zodErrors(parsed.error), 'The query string is invalid.');
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (spec.body) {
        const mediaType = spec.bodyType ?? 'application/json';
        if (mediaType === 'application/json') {
          if (hasBody(req) && !req.is('application/json')) throw unsupportedMediaType('application/json');
          rejectNul(req.body);
          const parsed = spec.body.safeParse(req.body);
          if (!parsed.success) throw unprocessable(zodErrors(parsed.error));
          body = parsed.data;
        } else if (!req.is(mediaType)) {
          throw unsupportedMediaType(mediaType);
        }
      }
      if (spec.idempotent) {
        const replayed = await this.prepareIdempotency(req, res, ctx as UserCtx, spec.status ?? 200);
        if (replayed) return;
      }
      let reply: Reply | undefined;
      try {
        reply = await spec.handler(
          { params, query, body } as { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
          ctx as CtxFor<G>,
          req,
          res,
        );
      } catch (error) {
        // A concurrent twin with the same key won the race: replay what it stored.
        if (ctx.idempotency && this.idempotency.isRace(error)) {
          if (await this.replay(req, res, ctx as UserCtx)) return;
        }
        throw error;
      }
      if (!reply) return; // streamed by the handler
      if (reply.etag !== undefined) res.set('ETag', `"${reply.etag}"`);
      if (reply.headers) res.set(reply.headers);
      const status = reply.status ?? spec.status ?? 200;
      if (reply.json !== undefined && status !== 204) {
        res.status(status).type('application/json').send(reply.json);
        return;
      }
      if (reply.body === undefined || status === 204) {
        res.status(status).end();
        return;
      }
      res.status(status).json(reply.body);
    };
  }

  private async prepareIdempotency(req: Request, res: Response, ctx: UserCtx, status: number): Promise<boolean> {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return false;
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw unprocessable(
        [{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
        'The Idempotency-Key header is invalid.',
      );
    }
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex');
    ctx.idempotency = { key, requestHash, status };
    return this.replay(req, res, ctx);
  }

  private async replay(_req: Request, res: Response, ctx: UserCtx): Promise<boolean> {
    const pending = ctx.idempotency!;
    const stored = await this.idempotency.find(ctx.user.id, pending.key);
    if (!stored) return false;
    if (stored.requestHash !== pending.requestHash) {
      throw new AppError(
        422,
        'idempotency-key-reused',
        'Idempotency key reused',
        'This Idempotency-Key was used for a different request; use a new key.',
      );
    }
    const body = JSON.parse(stored.body) as { version?: unknown };
    if (typeof body.version === 'number') res.set('ETag', `"${body.version}"`);
    res.set('Idempotent-Replayed', 'true');
    res.status(stored.status).json(body);
    return true;
  }

  private document(spec: RouteSpec<Guard, AnyObject, AnyObject, z.ZodType>): void {
    const responses: RouteConfig['responses'] = {};
    const status = spec.status ?? 200;
    responses[String(status)] = spec.response
      ? {
          description: 'Success',
          content: { [spec.responseType ?? 'application/json']: { schema: spec.response } },
          ...(spec.versioned && spec.method !== 'delete'
            ? { headers: { ETag: { schema: { type: 'string' }, description: 'The resource version, quoted.' } } }
            : {}),
        }
      : { description: status === 204 ? 'No content' : 'Success' };
    if (spec.body) responses['400'] = problemResponse('Malformed body');
    if (spec.guard.kind !== 'public') responses['401'] = problemResponse('Not signed in');
    if (spec.guard.kind === 'admin' || spec.guard.kind === 'plan') responses['403'] = problemResponse('Role may not do this');
    if (spec.guard.kind === 'plan' || spec.params) responses['404'] = problemResponse('Not found, or not a member of the plan');
    if (spec.versioned && spec.method === 'patch') {
      responses['412'] = problemResponse('Stale If-Match: changed by someone else');
      responses['428'] = problemResponse('If-Match missing');
    }
    if (spec.body) {
      responses['413'] = problemResponse('Body too large');
      responses['415'] = problemResponse('Wrong content type');
    }
    if (spec.body || spec.query || spec.idempotent) responses['422'] = problemResponse('Invalid input');
    const headers: z.ZodObject[] = [];
    if (spec.idempotent) headers.push(z.object({ 'Idempotency-Key': z.string().max(255).optional() }));
    if (spec.versioned && spec.method === 'patch') headers.push(z.object({ 'If-Match': z.string() }));
    const request: RouteConfig['request'] = {
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
      ...(headers.length ? { headers } : {}),
      ...(spec.body
        ? {
            body: {
              required: true,
              content: {
                [spec.bodyType ?? 'application/json']: {
                  schema: spec.bodyType === 'text/csv' ? z.string() : spec.body,
                },
              },
            },
          }
        : {}),
    };
    this.registry.registerPath({
      method: spec.method,
      path: `/api/v1${toOpenApiPath(spec.path)}`,
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.guard.kind === 'public' ? {} : { security: [{ bearer: [] }, { cookie: [] }] }),
      request,
      responses,
    });
  }
}

/** JSON with object keys sorted, so a retry that orders its fields differently is still the same body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * No text the API takes holds a NUL character: PostgreSQL cannot store one (a 500 there), and on
 * SQLite it would cut strings short in other tools. 422 naming where it is, keys included.
 */
function rejectNul(value: unknown, detail?: string): void {
  const found: FieldError[] = [];
  const nul = (path: string[]) => found.push({ path: path.join('.'), message: 'must not contain the NUL character' });
  // Iterative: a body may be nested far deeper than the call stack.
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length && found.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) nul(path);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) nul([...path, k]);
        stack.push([item, path.length < 32 ? [...path, k] : path]);
      }
    }
  }
  if (found.length) throw unprocessable(found, detail);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function describeParams(error: z.ZodError): string {
  const name = String(error.issues[0]?.path[0] ?? 'resource').replace(/Id$/, '');
  return name;
}

export const newRequestId = () => randomUUID();
