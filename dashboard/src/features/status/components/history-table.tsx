import type { SnapshotListItem } from '@handover/shared';
import { useSnapshotPage } from '../../../api/snapshots/get-snapshots';
import { Badge } from '../../../components/ui/badge';
import { actionsColumn, DataTable, type Column } from '../../../components/ui/data-table';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/states';
import { formatDate, formatInstant, percent } from '../../../lib/format';
import { KIND_LABELS, RAG_LABELS, snapshotName } from '../utils/status';

export const PAGE_SIZE = 20;

/** The snapshot history, newest first, a page at a time; leads get "Edit status" on each row. */
export function HistoryTable({
  planId,
  offset,
  onOffset,
  onEdit,
}: {
  planId: string;
  offset: number;
  onOffset: (offset: number) => void;
  onEdit?: (snapshot: SnapshotListItem) => void;
}) {
  const page = useSnapshotPage(planId, offset, PAGE_SIZE);
  const columns: Column<SnapshotListItem>[] = [
    { key: 'taken', header: 'Snapshot', rowHeader: true, cell: (s) => snapshotName(s) },
    { key: 'kind', header: 'Kind', cell: (s) => KIND_LABELS[s.kind] },
    { key: 'rag', header: 'RAG', cell: (s) => (s.rag ? <Badge value={s.rag} label={RAG_LABELS[s.rag]} /> : <span className="muted">None</span>) },
    {
      key: 'readiness',
      header: 'Readiness',
      numeric: true,
      cell: (s) => (
        <>
          {percent(s.summary.readiness.score)}
          {s.approximate ? (
            <>
              {' '}
              <span className="badge" title="Rebuilt from history where history could not give every value exactly">
                approximate
              </span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'exit', header: 'Earliest exit', cell: (s) => formatDate(s.summary.exitForecast?.projectedExitDate) },
    { key: 'note', header: 'Note', className: 'status-note-cell', cell: (s) => s.note ?? <span className="muted">No note</span> },
    { key: 'at', header: 'Taken', cell: (s) => formatInstant(s.takenAt) },
    ...(onEdit
      ? [
          actionsColumn<SnapshotListItem>((s) => (
            <button type="button" className="button--small" onClick={() => onEdit(s)} aria-label={`Edit the status of ${snapshotName(s)}`}>
              Edit status
            </button>
          )),
        ]
      : []),
  ];
  return (
    <section className="card no-print" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <QueryState query={page} loadingLabel="Loading the snapshots…">
        {(data) => (
          <>
            <DataTable caption="Snapshots, newest first" captionHidden columns={columns} rows={data.items} rowKey={(s) => s.id} />
            {data.total > PAGE_SIZE ? <Pager offset={offset} total={data.total} pageSize={PAGE_SIZE} onChange={onOffset} labels={['Newer', 'Older']} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
