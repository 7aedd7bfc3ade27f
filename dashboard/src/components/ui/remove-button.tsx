import { useState } from 'react';
import { Dialog } from './dialog';

/**
 * A small danger button whose accessible name says what it removes. Removing asks first, in a
 * dialog that says what goes with it; Cancel (or Escape) puts the focus back on the button.
 * `verb` names another ending action the same way (Revoke a token, Deactivate a user).
 */
export function RemoveButton({
  name,
  consequence,
  onRemove,
  disabled,
  verb = 'Remove',
}: {
  name: string;
  /** What removing does, e.g. "Their assessments are deleted too." */
  consequence: string;
  onRemove: () => void;
  disabled?: boolean;
  verb?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button--small button--danger" onClick={() => setOpen(true)} disabled={disabled}>
        {verb}
        <span className="visually-hidden"> {name}</span>
      </button>
      <Dialog
        open={open}
        title={`${verb} ${name}?`}
        onClose={() => setOpen(false)}
        footer={
          <>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button--danger"
              onClick={() => {
                // Closed first: the outcome (a notice that takes the focus) comes after the dialog has given focus back.
                setOpen(false);
                onRemove();
              }}
            >
              {verb}
            </button>
          </>
        }
      >
        <p>{consequence}</p>
      </Dialog>
    </>
  );
}
