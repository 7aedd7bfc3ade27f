import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, badRequest, payloadTooLarge, unsupportedMediaType } from '../core/app-error';

/**
 * The path a problem names as its `instance` and a log line may carry: without the query, and with
 * a receiver's ingest secret replaced by `{secret}` (docs/domain.md#receivers-and-ingest-secrets),
 * also on a path no route matched and in any letter case (Express matches paths case-insensitively).
 */
export function shownPath(req: Request): string {
  const path = req.originalUrl.split('?')[0]!;
  return /^\/+api\//i.test(path) ? path.replace(/(\/ingest\/)[^/]*/i, '$1{secret}') : path;
}

export function sendProblem(req: Request, res: Response, error: AppError): void {
  if (error.headers) res.set(error.headers);
  res
    .status(error.status)
    .type('application/problem+json')
    .send(JSON.stringify(error.toProblem(shownPath(req), res.locals.requestId as string | undefined)));
}

/** Body-parser and other library errors carry a `type` or `status`; map the ones a client causes. */
function fromLibraryError(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: string; status?: number; expose?: boolean; message?: string };
  switch (e.type) {
    case 'entity.parse.failed':
      return badRequest('The body is not valid JSON.');
    case 'entity.too.large':
      return payloadTooLarge();
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return unsupportedMediaType('UTF-8 encoded JSON');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return badRequest('The body could not be read.');
  }
  if (e.status && e.status >= 400 && e.status < 500 && e.expose) {
    return new AppError(e.status, 'bad-request', 'Bad request', e.message);
  }
  if (err instanceof URIError) return badRequest('The URL is not valid.');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromLibraryError(err);
    if (res.headersSent) {
      logger.error({ err, requestId: res.locals.requestId, path: shownPath(req) }, 'error after the response started');
      res.destroy();
      return;
    }
    if (known) {
      sendProblem(req, res, known);
      return;
    }
    logger.error({ err, requestId: res.locals.requestId, path: shownPath(req) }, 'unhandled error');
    sendProblem(
      req,
      res,
      new AppError(500, 'internal', 'Internal server error', 'Something went wrong on our side; it has been logged.'),
    );
  };
}
