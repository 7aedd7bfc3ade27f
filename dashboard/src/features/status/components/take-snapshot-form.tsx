import { useState } from 'react';
import { useTakeSnapshot } from '../../../api/snapshots/take-snapshot';
import { useBackfillSnapshots } from '../../../api/snapshots/backfill-snapshots';
import { count } from '../../../lib/format';
import type { Notices } from '../../../lib/notice';
import { ragFromInput } from '../utils/status';
import { RagNoteFields, type RagNote } from './rag-note-fields';

/** Leads freeze the plan as it stands now, with their status; or rebuild the missing weeks from history. */
export function TakeSnapshotForm({ planId, notices }: { planId: string; notices: Notices }) {
  const take = useTakeSnapshot(planId);
  const backfill = useBackfillSnapshots(planId);
  const [value, setValue] = useState<RagNote>({ rag: '', note: '' });
  const busy = take.isPending || backfill.isPending;
  return (
    <section className="card no-print" aria-labelledby="take-snapshot-title">
      <h2 id="take-snapshot-title">Take a snapshot</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void notices.run(
            () => take.mutateAsync({ rag: ragFromInput(value.rag), note: value.note.trim() || null }),
            () => {
              setValue({ rag: '', note: '' });
              return 'Snapshot taken: it is at the top of the history.';
            },
          );
        }}
      >
        <RagNoteFields value={value} onChange={setValue} />
        <div className="row">
          <button type="submit" disabled={busy}>
            Take a snapshot
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void notices.run(
                () => backfill.mutateAsync(),
                (r) => (r.created ? `Backfilled ${count(r.created, 'week')} from history${r.approximate ? `, ${r.approximate} approximate` : ''}.` : 'No week was missing.'),
              )
            }
          >
            Backfill missing weeks
          </button>
        </div>
      </form>
    </section>
  );
}
