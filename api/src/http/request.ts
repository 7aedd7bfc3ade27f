import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, preconditionRequired, unprocessable, type FieldError } from '../core/app-error';

export function zodErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const join = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  // One entry per unknown key, with the key in its path, so clients can map it back to a field.
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: join([...issue.path, key]), message: `unknown field: ${key}` }))
      : [{ path: join(issue.path), message: issue.message }],
  );
}

/**
 * No text the API takes holds a NUL character: PostgreSQL cannot store one (a 500 there), and on
 * SQLite it would cut strings short in other tools. 422 naming where it is, keys included.
 */
export function rejectNul(value: unknown, detail?: string): void {
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

export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The resource a malformed path id names, for the 404: `milestoneId` → `milestone`. */
export function describeParams(error: z.ZodError): string {
  return String(error.issues[0]?.path[0] ?? 'resource').replace(/Id$/, '');
}

/**
 * The version the client last read, from If-Match: `"3"`, `W/"3"` or a bare 3.
 * Missing → 428 when required. Anything that cannot name a version can never match → 412.
 */
export function ifMatchVersion(req: Request, mode: 'required' | 'optional'): number | undefined {
  const header = req.get('If-Match');
  if (mode === 'optional' && !header) return undefined;
  if (header === undefined || header.trim() === '') throw preconditionRequired();
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new AppError(412, 'precondition-failed', 'Changed by someone else', 'If-Match does not name a version of this resource.');
  }
  return Number(match[1]);
}
