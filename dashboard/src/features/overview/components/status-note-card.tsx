import type { SnapshotListItem } from '@handover/shared';
import { RAG_LABELS } from '../../../api/snapshots/labels';
import { Badge } from '../../../components/ui/badge';
import { formatDate, formatInstant } from '../../../lib/format';

/** The lead's traffic light and note from the latest snapshot that has one. */
export function StatusNoteCard({ snapshots }: { snapshots: SnapshotListItem[] }) {
  const latest = snapshots.find((s) => s.rag !== null || (s.note ?? '') !== '');
  return (
    <section className="card" aria-labelledby="lead-status-title" data-testid="lead-status">
      <h2 id="lead-status-title">The lead&apos;s status</h2>
      {latest ? (
        <>
          <p>
            {latest.rag ? <Badge value={latest.rag} label={RAG_LABELS[latest.rag]} /> : <span className="muted">No RAG given</span>}{' '}
            <span className="muted small">{latest.weekStart ? `for the week of ${formatDate(latest.weekStart)}` : `on ${formatInstant(latest.takenAt)}`}</span>
          </p>
          {latest.note ? <p style={{ whiteSpace: 'pre-line' }}>{latest.note}</p> : <p className="muted">No note.</p>}
        </>
      ) : (
        <p className="muted">No lead has given a status yet.</p>
      )}
    </section>
  );
}
