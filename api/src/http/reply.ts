import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { Cookie, Reply } from './route-spec';

function setCookies(req: Request, res: Response, cookies: Cookie[]): void {
  for (const cookie of cookies) {
    const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
    if ('clear' in cookie) res.clearCookie(cookie.name, options);
    else res.cookie(cookie.name, cookie.value, { ...options, maxAge: cookie.maxAgeMs });
  }
}

/** Write a handler's reply: headers, cookies, then a JSON body, a ready JSON string, nothing, or a stream. */
export async function writeReply(req: Request, res: Response, reply: Reply, defaultStatus: number): Promise<void> {
  if (reply.etag !== undefined) res.set('ETag', `"${reply.etag}"`);
  if (reply.headers) res.set(reply.headers);
  if (reply.cookies) setCookies(req, res, reply.cookies);
  const status = reply.status ?? defaultStatus;
  if (reply.stream) {
    res.status(status);
    await writeStream(res, reply.stream);
    return;
  }
  if (reply.json !== undefined && status !== 204) {
    res.status(status).type('application/json').send(reply.json);
    return;
  }
  if (reply.body === undefined || status === 204) {
    res.status(status).end();
    return;
  }
  res.status(status).json(reply.body);
}

/**
 * Chunks written with backpressure. If the client goes away, `pipeline` destroys the source, which
 * ends the iteration (its `finally` runs and whatever it held is freed); that is not an error.
 */
async function writeStream(res: Response, chunks: AsyncIterable<string | Buffer>): Promise<void> {
  try {
    // One chunk read ahead at most: a page is read when the client has taken the one before.
    await pipeline(Readable.from(chunks, { highWaterMark: 1 }), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' || res.destroyed) return;
    throw error;
  }
}
