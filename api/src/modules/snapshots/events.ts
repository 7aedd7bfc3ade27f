import type { Snapshot } from '@handover/shared';
import type { Tx } from '../../db/data-source';

/**
 * Where a new snapshot is announced (`snapshot.created`), inside the transaction that stores it so
 * that an outbox written here commits or rolls back with the snapshot (docs/domain.md#status-over-time).
 * Scheduled and manual snapshots are announced; backfilled ones never are.
 */
export type SnapshotEvents = {
  snapshotCreated(m: Tx, snapshot: Snapshot): Promise<void>;
};

/** Nothing is announced: the outbox is not built yet, and it replaces this when it is. */
export const silentSnapshotEvents: SnapshotEvents = {
  snapshotCreated: async () => undefined,
};
