import type { Plan, SnapshotListItem } from '@handover/shared';
import { useState } from 'react';
import { useAllSnapshots } from '../../../api/snapshots/get-snapshots';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { useNotice } from '../../../lib/notice';
import { ComparePanel } from './compare-panel';
import { EditNoteDialog } from './edit-note-dialog';
import { HistoryTable } from './history-table';
import { TakeSnapshotForm } from './take-snapshot-form';
import { WeeklyReport } from './weekly-report';
import '../status.css';

/**
 * The Status page (docs/domain.md#status-on-the-dashboard): leads take a snapshot and edit its status; everyone
 * reads the history, compares any two and prints the weekly report. With the report open, print shows
 * it alone on one page.
 */
export function StatusView({ plan, canRecordStatus, reportOpen }: { plan: Plan; canRecordStatus: boolean; reportOpen: boolean }) {
  const all = useAllSnapshots(plan.id);
  const notices = useNotice();
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<SnapshotListItem | null>(null);
  return (
    <div className={`stack${reportOpen ? ' status--report' : ''}`}>
      <div className="no-print">
        <Notice notice={notices.notice} live focus />
      </div>
      {canRecordStatus ? <TakeSnapshotForm planId={plan.id} notices={notices} /> : null}
      <QueryState query={all} loadingLabel="Loading the snapshots…">
        {(list) =>
          list[0] === undefined ? (
            <section className="card" aria-label="No snapshots">
              <EmptyState title="No snapshots yet">
                <p>
                  A weekly snapshot is taken every Monday for the week that ended.{' '}
                  {canRecordStatus ? 'Take one now, or backfill the weeks since the plan started.' : 'A lead can also take one at any time.'}
                </p>
              </EmptyState>
            </section>
          ) : (
            <>
              {reportOpen ? <WeeklyReport plan={plan} latest={list[0]} previous={list[1]} /> : null}
              <HistoryTable planId={plan.id} offset={offset} onOffset={setOffset} onEdit={canRecordStatus ? setEditing : undefined} />
              <ComparePanel planId={plan.id} snapshots={list} />
            </>
          )
        }
      </QueryState>
      {canRecordStatus ? (
        <EditNoteDialog
          planId={plan.id}
          snapshot={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            notices.setNotice({ kind: 'success', text });
          }}
        />
      ) : null}
    </div>
  );
}
