import type { Readable } from 'node:stream';
import type { ApiTokenScope, PlanPermission } from '@handover/shared';
import type { z } from 'zod';
import type { PlanCtx, RequestCtx, UserCtx } from '../core/context';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AnyObject = z.ZodType<Record<string, unknown>>;
export type BodyType = 'application/json' | 'text/csv' | 'spreadsheet';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media types a body type accepts: `spreadsheet` is a CSV or an XLSX workbook, streamed. */
export function mediaTypesOf(bodyType: BodyType | undefined): string[] {
  if (bodyType === 'spreadsheet') return ['text/csv', XLSX_MEDIA_TYPE];
  return [bodyType ?? 'application/json'];
}

/** Who may call a route: anyone, any signed-in user, admins only, or members of the plan in :planId. */
export type Guard = { kind: 'public' } | { kind: 'user' } | { kind: 'admin' } | { kind: 'plan'; access: PlanPermission };

/** A cookie to set (HttpOnly, SameSite=Lax, Secure over HTTPS, path /) or to clear. */
export type Cookie = { name: string; value: string; maxAgeMs: number } | { name: string; clear: true };

/** What a handler answers; the pipeline writes it. */
export type Reply = {
  status?: number;
  body?: unknown;
  /** The body already serialised as JSON, as UTF-8 bytes (a cached response); sent as is instead of `body`. */
  json?: Buffer;
  /** The resource version, sent as ETag. */
  etag?: number;
  headers?: Record<string, string>;
  cookies?: Cookie[];
  /** A streamed body: the pipeline writes the chunks with backpressure and ends the iteration if the client leaves. */
  stream?: AsyncIterable<string | Buffer>;
};

export type CtxFor<G extends Guard> = G extends { kind: 'plan' } ? PlanCtx : G extends { kind: 'public' } ? RequestCtx : UserCtx;

/** What a handler receives: parsed parameters, query and body, the If-Match version, and a streamed body. */
export type IfMatch = 'required' | 'optional' | undefined;

export type RouteInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, T extends BodyType, I extends IfMatch> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The version named by If-Match: required routes always have one, optional ones when it was sent. */
  ifMatch: I extends 'required' ? number : number | undefined;
} & (T extends 'text/csv' | 'spreadsheet' ? { stream: Readable } : unknown);

export type RouteSpec<
  G extends Guard,
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  T extends BodyType,
  I extends IfMatch = IfMatch,
> = {
  /** A stable camelCase name for generated clients, e.g. listMilestones. */
  operationId: string;
  method: Method;
  /** A path from ROUTES in @handover/shared, under /api/v1. */
  path: string;
  summary: string;
  tags: string[];
  guard: G;
  params?: P;
  query?: Q;
  body?: B;
  /** Media type of the body; JSON unless said otherwise. A text/csv or spreadsheet body is handed over as a stream. */
  bodyType?: T;
  status?: number;
  response?: z.ZodType;
  /** Media type of the response when it is not JSON (streams). */
  responseType?: string;
  /** Accepts Idempotency-Key: a retry replays the first response (docs/architecture.md#a-requests-path). */
  idempotent?: boolean;
  /** What a scoped API token needs to call this route; without it, scoped tokens get 403 here (docs/domain.md#access-lifecycle). */
  scope?: ApiTokenScope;
  /** Refusals of the route's own to document, beyond those its guard, body and headers imply, e.g. `{409: '...'}`. */
  problems?: Record<number, string>;
  /** The reply carries the resource version as ETag. */
  versioned?: boolean;
  /** If-Match: `required` (missing → 428) or `optional` (checked when sent); malformed → 412. */
  ifMatch?: I;
  /**
   * A public route's own credential check (an ingest secret in the path), run after the path
   * parameters and before the query and body, so a bad credential is refused before a bad body.
   */
  admit?: (params: z.output<P>, ctx: CtxFor<G>) => Promise<void>;
  handler: (input: RouteInput<P, Q, B, T, I>, ctx: CtxFor<G>) => Promise<Reply>;
};

/** A route with its types erased, as the pipeline and the document builder see it. */
export type AnyRoute = RouteSpec<Guard, AnyObject, AnyObject, z.ZodType, BodyType>;

/** Declare a route: infers the handler's input and context types from the spec. */
export function route<
  G extends Guard,
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType = z.ZodUndefined,
  T extends BodyType = 'application/json',
  I extends IfMatch = undefined,
>(spec: RouteSpec<G, P, Q, B, T, I>): AnyRoute {
  return spec as unknown as AnyRoute;
}
