import type { PlanCtx } from '../../core/context';
import type { Tx } from '../../db/data-source';
import { actorOf, recordEvent } from './outbox';

/**
 * `import.completed`, in the transaction that makes an import's posts visible (plain CSV or
 * mapped), so a receiver hears of it exactly when the posts are there (docs/domain.md#webhooks).
 */
export function importCompleted(
  m: Tx,
  ctx: PlanCtx,
  result: { id: string; inserted: number; duplicates: number; valid: number },
  at: Date,
): Promise<void> {
  return recordEvent(m, ctx.planId, 'import.completed', { import: result, actor: actorOf(ctx.user) }, at.toISOString());
}
