import { PHASE_LABELS, type Milestone } from '@handover/shared';
import { Dialog } from '../../../components/ui/dialog';
import { formatDate, formatInstant, humanize } from '../../../lib/format';

/** A save met a newer version (412): show that version, and offer to start again from it. */
export function ConflictDialog({ current, onKeep, onReload }: { current: Milestone | null; onKeep: () => void; onReload: () => void }) {
  const fields = current
    ? [
        ['Title', current.title],
        ['Status', humanize(current.status)],
        ['Due', formatDate(current.dueDate)],
        ['Owner', current.owner ?? '—'],
        ['Phase', PHASE_LABELS[current.phase]],
        ['Weight', current.weight],
      ]
    : [];
  return (
    <Dialog
      open={current !== null}
      title="Changed by someone else"
      onClose={onKeep}
      footer={
        <>
          <button type="button" onClick={onKeep}>
            Keep my edits
          </button>
          <button type="button" className="button--primary" onClick={onReload}>
            Reload the current version
          </button>
        </>
      }
    >
      {current ? (
        <>
          <p>
            Someone saved this milestone after you opened it (now version {current.version}, at {formatInstant(current.updatedAt)}). Your changes
            were not saved. This is the current version:
          </p>
          <dl className="dates" data-testid="conflict-current">
            {fields.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="small muted" style={{ marginTop: '0.75rem' }}>
            Reload to start again from the current version; your unsaved edits will be replaced.
          </p>
        </>
      ) : null}
    </Dialog>
  );
}
