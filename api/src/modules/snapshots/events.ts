import type { Snapshot } from '@handover/shared';
import type { Tx } from '../../db/data-source';
import { recordEvent } from '../outbox/outbox';

/**
 * Where a new snapshot is announced (`snapshot.created`), inside the transaction that stores it so
 * that an outbox written here commits or rolls back with the snapshot (docs/domain.md#status-over-time).
 * Scheduled and manual snapshots are announced; backfilled ones never are.
 */
export type SnapshotEvents = {
  snapshotCreated(m: Tx, snapshot: Snapshot): Promise<void>;
};

/** Nothing is announced (for callers that must stay quiet). */
export const silentSnapshotEvents: SnapshotEvents = {
  snapshotCreated: async () => undefined,
};

/** `snapshot.created` through the outbox, in the snapshot's transaction (docs/domain.md#webhooks). */
export const outboxSnapshotEvents: SnapshotEvents = {
  snapshotCreated: (m, s) =>
    recordEvent(
      m,
      s.planId,
      'snapshot.created',
      { snapshot: { id: s.id, kind: s.kind, weekStart: s.weekStart, takenAt: s.takenAt, rag: s.rag, readiness: s.summary.readiness.score } },
      s.takenAt,
    ),
};
