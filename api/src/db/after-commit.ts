import type { EntityManager } from 'typeorm';

/**
 * Work to do once a write transaction has committed (and never if it rolls back or is retried):
 * the outbox kicks its dispatcher this way, so the dispatcher never looks before the row is visible.
 * Keyed by the transaction's manager, which lives only as long as the transaction.
 */
const hooks = new WeakMap<EntityManager, Array<() => void>>();

/** Run `fn` after the transaction `m` commits; call inside Db.write. */
export function afterCommit(m: EntityManager, fn: () => void): void {
  const list = hooks.get(m);
  if (list) list.push(fn);
  else hooks.set(m, [fn]);
}

/** Called by Db.write with the manager of the transaction that committed. A hook's error is not the writer's. */
export function runAfterCommit(m: EntityManager | undefined): void {
  if (!m) return;
  const list = hooks.get(m);
  hooks.delete(m);
  for (const fn of list ?? []) {
    try {
      fn();
    } catch {
      // A hook only signals; what it failed to do is picked up by the next poll.
    }
  }
}
