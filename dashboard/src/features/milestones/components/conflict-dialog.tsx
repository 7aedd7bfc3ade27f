import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { formatInstant } from '../../../lib/format';
import type { ConflictRow } from '../utils/conflict';

/** A save met a newer version (412): who saved it and when, if known, and the fields each side changed. */
export type Conflict = { rows: ConflictRow[]; who: string | null; at: string | null };

/**
 * Shows what changed since the user opened the form, and resolves it: keep the user's edits on top
 * of the version now saved (the next Save then succeeds), or take that version as it is.
 */
export function ConflictDialog({
  conflict,
  onKeep,
  onUseTheirs,
  returnFocus,
}: {
  conflict: Conflict | null;
  onKeep: () => void;
  onUseTheirs: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}) {
  const who = conflict?.who ?? 'Another user';
  return (
    <Dialog
      open={conflict !== null}
      title="Changed by someone else"
      onClose={onKeep}
      returnFocus={returnFocus}
      footer={
        <>
          <button type="button" onClick={onUseTheirs}>
            Use their version
          </button>
          <button type="button" className="button--primary" onClick={onKeep}>
            Keep my edits
          </button>
        </>
      }
    >
      {conflict ? (
        <>
          <p data-testid="conflict-who">
            {who} saved this milestone{conflict.at ? ` on ${formatInstant(conflict.at)}` : ''}, after you opened it. Your changes are not saved yet.
          </p>
          <div data-testid="conflict-current">
            <DataTable<ConflictRow>
              caption="What changed"
              captionHidden
              rows={conflict.rows}
              rowKey={(r) => r.key}
              columns={[
                { key: 'field', header: 'Field', rowHeader: true, cell: (r) => r.label },
                { key: 'theirs', header: `Saved by ${conflict.who ?? 'them'}`, cell: (r) => r.theirs },
                {
                  key: 'yours',
                  header: 'Your edit',
                  cell: (r) => (
                    <>
                      {r.yours ?? <span className="muted">not changed</span>}
                      {r.both ? <div className="small muted">changed by both: yours is kept</div> : null}
                    </>
                  ),
                },
              ]}
            />
          </div>
          <p className="small muted" style={{ marginTop: '0.75rem' }}>
            Keep my edits puts your changes on top of the saved version; check the form, then save. Use their version drops your changes.
          </p>
        </>
      ) : null}
    </Dialog>
  );
}
