import { addDays, type Snapshot } from '@handover/shared';
import { afterCommit } from '../../db/after-commit';
import type { Tx } from '../../db/data-source';
import { digestRecipients, insertDigestEmails } from '../../db/repositories/digest.repository';
import { newId } from '../../core/ids';
import type { Deps } from '../deps';
import { occurrenceInWeek } from '../snapshots/schedule';
import { DIGEST_QUEUED, digestSignal } from './digest-signal';

/**
 * When a week's digest goes out: DIGEST_AT in the week after it (the week whose Monday run took the
 * snapshot), or at once when that time has passed (a snapshot caught up late).
 */
export function digestDueAt(weekStart: string, deps: Pick<Deps, 'config'>, now: Date): Date {
  const due = occurrenceInWeek(addDays(weekStart, 7), deps.config.digestAt);
  return due.getTime() > now.getTime() ? due : now;
}

/**
 * Queue one digest per member who gets it (docs/domain.md#email-digest), inside the transaction `m`
 * that stored the weekly snapshot: the queue holds them if and only if the snapshot committed. Without
 * SMTP_URL nothing is queued. Only weekly snapshots taken by the scheduler call this; manual and
 * backfilled ones send no email. Returns how many were queued.
 */
export async function queueWeeklyDigest(deps: Deps, m: Tx, planId: string, snapshot: Snapshot, now: Date): Promise<number> {
  if (!deps.config.smtpUrl || snapshot.kind !== 'weekly' || !snapshot.weekStart) return 0;
  const users = await digestRecipients(m, planId, now.toISOString().slice(0, 10));
  const at = now.toISOString();
  const dueAt = digestDueAt(snapshot.weekStart, deps, now).toISOString();
  await insertDigestEmails(m, users.map((userId) => ({ id: newId(), planId, snapshotId: snapshot.id, userId, dueAt, at })));
  if (users.length) afterCommit(m, () => digestSignal.emit(DIGEST_QUEUED));
  return users.length;
}
