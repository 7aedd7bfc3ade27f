import type { Rag, SnapshotListItem } from '@handover/shared';
export { RAG_LABELS } from '../../../api/snapshots/labels';
import { formatDate, formatInstant } from '../../../lib/format';

export const KIND_LABELS: Record<SnapshotListItem['kind'], string> = { weekly: 'Weekly', manual: 'Taken by hand', final: 'Final' };

/** How a snapshot is named in pickers and headings: its week for a weekly one, else when it was taken. */
export const snapshotName = (s: SnapshotListItem): string =>
  s.kind === 'weekly' && s.weekStart ? `Week of ${formatDate(s.weekStart)}` : `${KIND_LABELS[s.kind]}, ${formatInstant(s.takenAt)}`;

/** The default comparison: the latest snapshot against the one before it (ids of a newest-first list). */
export const defaultPair = (list: SnapshotListItem[]): { from?: string; to?: string } => ({ from: list[1]?.id, to: list[0]?.id });

/** The rag select's value ('' for none) to the API's, and back. */
export const ragFromInput = (value: string): Rag | null => (value === 'green' || value === 'amber' || value === 'red' ? value : null);
