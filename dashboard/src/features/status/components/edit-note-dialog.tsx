import type { SnapshotListItem } from '@handover/shared';
import { useEffect, useState } from 'react';
import { useUpdateSnapshot } from '../../../api/snapshots/update-snapshot';
import { Dialog } from '../../../components/ui/dialog';
import { Notice } from '../../../components/ui/notice';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { NoticeMessage } from '../../../lib/notice';
import { ragFromInput, snapshotName } from '../utils/status';
import { RagNoteFields, type RagNote } from './rag-note-fields';

export const CONFLICT =
  'Someone else changed this status note meanwhile. The history now shows their version: close this dialog, read it, then edit again.';

/**
 * Edits a snapshot's status (rag and note; the figures never change) with If-Match on the version
 * the lead opened: a newer one answers 412 and the dialog says so instead of overwriting it.
 */
export function EditNoteDialog({
  planId,
  snapshot,
  onClose,
  onSaved,
}: {
  planId: string;
  snapshot: SnapshotListItem | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const update = useUpdateSnapshot(planId);
  const [value, setValue] = useState<RagNote>({ rag: '', note: '' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [fieldError, setFieldError] = useState<string>();
  useEffect(() => {
    if (!snapshot) return;
    setValue({ rag: snapshot.rag ?? '', note: snapshot.note ?? '' });
    setNotice(null);
    setFieldError(undefined);
  }, [snapshot]);
  const save = async () => {
    if (!snapshot) return;
    try {
      await update.mutateAsync({ id: snapshot.id, version: snapshot.version, body: { rag: ragFromInput(value.rag), note: value.note.trim() || null } });
      onSaved(`Status of ${snapshotName(snapshot)} saved.`);
    } catch (err) {
      setFieldError(isApiError(err) ? err.fieldErrors.note : undefined);
      setNotice({ kind: 'error', text: isApiError(err) && err.status === 412 ? CONFLICT : errorMessage(err) });
    }
  };
  return (
    <Dialog
      open={snapshot !== null}
      title={snapshot ? `Edit the status: ${snapshotName(snapshot)}` : 'Edit the status'}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="edit-note-form" disabled={update.isPending}>
            Save status
          </button>
        </>
      }
    >
      <form
        id="edit-note-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted small">Only the status is edited: the snapshot&apos;s figures stay as they were.</p>
        <RagNoteFields value={value} onChange={setValue} error={fieldError} />
        <Notice notice={notice} focus />
      </form>
    </Dialog>
  );
}
