import type { Member } from '@handover/shared';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import type { NoticeMessage } from '../../../lib/notice';
import { todayIso } from '../../../lib/format';
import { accessEnd, accessHint } from '../utils/access';

/**
 * A member's access end; with `onSave`, a button opens a dialog to set or clear their own
 * `accessUntil` (docs/domain.md#access-lifecycle). The outcome (`notice`) shows under it.
 */
export function MemberAccess({
  member,
  contractEndDate,
  onSave,
  notice,
}: {
  member: Member;
  contractEndDate?: string | null;
  onSave?: (accessUntil: string | null) => void;
  notice?: NoticeMessage | null;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const end = accessEnd(member, todayIso());
  const noteId = `access-note-${member.userId}`;
  return (
    <>
      <span className="access">
        {end.ended ? (
          <>
            <Badge value="ended" label="Access ended" />{' '}
          </>
        ) : null}
        {end.text}
      </span>
      {onSave ? (
        <>
          {' '}
          <button
            type="button"
            className="button--small"
            aria-describedby={notice ? noteId : undefined}
            onClick={() => {
              setValue(member.accessUntil ?? '');
              setOpen(true);
            }}
          >
            Change<span className="visually-hidden"> access end of {member.name}</span>
          </button>
          <Dialog open={open} title={`Access end for ${member.name}`} onClose={() => setOpen(false)}>
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                // Closed first: a refusal then takes the focus in the row, after the dialog gave it back.
                setOpen(false);
                onSave(value === '' ? null : value);
              }}
            >
              <Field label="Access until (optional)" hint={accessHint(member.role, contractEndDate)}>
                <input type="date" value={value} onChange={(e) => setValue(e.target.value)} />
              </Field>
              <div className="row row--end">
                <button type="button" onClick={() => setOpen(false)}>
                  Cancel
                </button>
                <button type="submit" className="button--primary">
                  Save access end
                </button>
              </div>
            </form>
          </Dialog>
          <Notice id={noteId} notice={notice} focus="errors" compact />
        </>
      ) : null}
    </>
  );
}
