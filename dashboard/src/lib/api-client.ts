import { ProblemSchema, ROUTES, pathTo, type Problem } from '@handover/shared';
import { z } from 'zod';
import { plainMessage } from './messages';

export type FieldErrors = Record<string, string>;
/** A problem with its extension members (e.g. `unmetGates` on a refused exit), read by the call that knows them. */
export type ProblemWithExtensions = Omit<Problem, 'unmetGates'> & { unmetGates?: string[]; [member: string]: unknown };
export type LineError = { line: number; message: string };

/**
 * A refused request: the problem+json the server sent, with its field and line errors indexed and
 * their messages in plain words (`problem` keeps the server's own text).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemWithExtensions;
  readonly fieldErrors: FieldErrors;
  readonly lineErrors: LineError[];

  constructor(problem: ProblemWithExtensions) {
    super(plainMessage(problem.detail ?? problem.title));
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.fieldErrors = {};
    this.lineErrors = [];
    for (const e of problem.errors ?? []) {
      const message = plainMessage(e.message);
      if (typeof e.line === 'number') this.lineErrors.push({ line: e.line, message });
      else if (e.path && !(e.path in this.fieldErrors)) this.fieldErrors[e.path] = message;
    }
  }

  /** The problem `type` without its base URL, e.g. `precondition-failed`. */
  get code(): string {
    return this.problem.type.split('/').filter(Boolean).pop() ?? this.problem.type;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
/** Called whenever the server answers 401 (session expired or signed out elsewhere). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body. */
  json?: unknown;
  /** Raw body with its content type (e.g. a CSV file). */
  body?: BodyInit;
  contentType?: string;
  ifMatch?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

// Loose: RFC 9457 lets a problem carry members of its own, which the call that expects them reads.
/** Extra members kept; `unmetGates` read as any strings, so a gate this dashboard does not know yet still shows (by its key). */
const LooseProblemSchema = ProblemSchema.extend({ unmetGates: z.array(z.string()).optional() }).loose();

async function readProblem(res: Response): Promise<ProblemWithExtensions> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = LooseProblemSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: a proxy or the network answered
  }
  return { type: 'about:blank', title: res.statusText || 'Request failed', status: res.status, detail: text.slice(0, 200) || undefined };
}

const LOGIN_URL = pathTo(ROUTES.login, {});

/**
 * One request to the API, at a URL built by `pathTo` from `ROUTES`. Success bodies are parsed with the shared schema, so a contract drift
 * fails loudly here rather than as `undefined` deep in a chart; failures become an ApiError.
 */
export async function request<S extends z.ZodType>(url: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
export async function request(url: string, schema: null, options?: RequestOptions): Promise<void>;
export async function request<S extends z.ZodType>(url: string, schema: S | null, options: RequestOptions = {}) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError({ type: 'network', title: 'Network error', status: 0, detail: 'The server could not be reached. Check your connection and try again.' });
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !url.startsWith(LOGIN_URL)) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(problem);
  }
  if (schema === null || res.status === 204) return undefined;
  const data: unknown = await res.json();
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error('Unexpected response shape', url, parsed.error.issues);
    throw new ApiError({
      type: 'invalid-response',
      title: 'Unexpected response',
      status: res.status,
      detail: `The server's answer to ${url} did not match the contract.`,
    });
  }
  return parsed.data;
}

/** A fresh key per user action, so a retried POST creates nothing twice. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Fetch every page of a list endpoint (lists are capped at 200 a page). */
export async function requestAll<T>(
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
  max = 5000,
): Promise<T[]> {
  const items: T[] = [];
  const limit = 200;
  for (let offset = 0; offset < max; offset += limit) {
    const page = await fetchPage(offset, limit);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length < limit) break;
  }
  return items;
}

/** A readable message for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const detail = error.problem.detail === undefined ? undefined : plainMessage(error.problem.detail);
    if (error.status === 403) return detail ?? 'Your role may not do this.';
    if (error.status === 404) return detail ?? 'Not found, or you are not a member of this plan.';
    return detail ?? error.problem.title;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
