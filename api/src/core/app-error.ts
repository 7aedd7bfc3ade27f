import { PROBLEM_BASE, type Problem, type ProblemType } from '@handover/shared';

export type FieldError = { path?: string; line?: number; message: string };

/** A refusal the client can act on. Thrown anywhere; turned into problem+json by the error handler. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    /** One of PROBLEM_TYPES in @handover/shared: clients switch on it. */
    readonly slug: ProblemType,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Members beyond the standard ones (RFC 9457 extensions), such as `unmetGates`. */
    readonly extensions?: Pick<Problem, 'unmetGates'>,
  ) {
    super(detail ?? title);
  }

  toProblem(instance?: string, requestId?: string): Problem {
    return {
      type: `${PROBLEM_BASE}${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(requestId ? { requestId } : {}),
      ...this.extensions,
    };
  }
}

export const badRequest = (detail: string) => new AppError(400, 'bad-request', 'Bad request', detail);
export const unauthorized = (detail = 'Sign in, or send a valid bearer token.') =>
  new AppError(401, 'unauthorized', 'Not signed in', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail = 'Your role in this plan does not allow this.') =>
  new AppError(403, 'forbidden', 'Forbidden', detail);
export const notFound = (what = 'resource') => new AppError(404, 'not-found', 'Not found', `No such ${what}.`);
export const conflict = (detail: string, slug: ProblemType = 'conflict') => new AppError(409, slug, 'Conflict', detail);
export const preconditionFailed = (current: number) =>
  new AppError(
    412,
    'precondition-failed',
    'Changed by someone else',
    `The resource is now at version ${current}; reload it and apply your change again.`,
    undefined,
    { ETag: `"${current}"` },
  );
export const preconditionRequired = () =>
  new AppError(428, 'precondition-required', 'If-Match required', 'Send If-Match with the ETag you last read.');
export const payloadTooLarge = (detail = 'The request body is too large.') =>
  new AppError(413, 'payload-too-large', 'Payload too large', detail);
export const unsupportedMediaType = (expected: string) =>
  new AppError(415, 'unsupported-media-type', 'Unsupported media type', `Send the body as ${expected}.`);
/** A 422 lists at most this many errors; `detail` gives the total (docs/domain.md#errors). */
export const MAX_LISTED_ERRORS = 50;
export const unprocessable = (errors: FieldError[], detail = 'The request is well-formed but invalid.') =>
  errors.length <= MAX_LISTED_ERRORS
    ? new AppError(422, 'validation-failed', 'Validation failed', detail, errors)
    : new AppError(
        422,
        'validation-failed',
        'Validation failed',
        `${detail} ${errors.length} errors; the first ${MAX_LISTED_ERRORS} are listed.`,
        errors.slice(0, MAX_LISTED_ERRORS),
      );
export const tooManyRequests = (retryAfterSeconds: number, detail = 'Too many requests; try again later.') =>
  new AppError(429, 'rate-limited', 'Too many requests', detail, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
export const methodNotAllowed = (allow: string[]) =>
  new AppError(405, 'method-not-allowed', 'Method not allowed', `Allowed: ${allow.join(', ')}.`, undefined, {
    Allow: allow.join(', '),
  });
/** The resource existed and was ended on purpose (a revoked ingest secret): a caller should stop retrying. */
export const gone = (detail: string) => new AppError(410, 'gone', 'Gone', detail);
