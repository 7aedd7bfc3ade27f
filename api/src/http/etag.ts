import type { Request } from 'express';
import { AppError, preconditionRequired } from './problem';

/**
 * The version the client last read, from If-Match: `"3"`, `W/"3"` or a bare 3.
 * Missing → 428. Anything that cannot name a version can never match → 412.
 */
export function expectedVersion(req: Request): number {
  const header = req.get('If-Match');
  if (header === undefined || header.trim() === '') throw preconditionRequired();
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new AppError(412, 'precondition-failed', 'Changed by someone else', 'If-Match does not name a version of this resource.');
  }
  return Number(match[1]);
}
