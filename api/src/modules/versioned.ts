import { preconditionFailed } from '../core/app-error';

type Versioned = { version: number };

/** 412 naming the current version when the client's If-Match (if it sent one) names another. */
export function assertVersion(current: Versioned, expected: number | undefined): void {
  if (expected !== undefined && current.version !== expected) throw preconditionFailed(current.version);
}

/**
 * The last step of every versioned edit (plans, milestones, handovers): write `next` on condition
 * that the row is still at `version`; when a racing edit got there first, 412 with the version it left.
 */
export async function writeIfVersion<T extends Versioned>(
  next: T,
  version: number,
  write: (next: T, version: number) => Promise<boolean>,
  reread: () => Promise<Versioned>,
): Promise<T> {
  if (!(await write(next, version))) throw preconditionFailed((await reread()).version);
  return next;
}
