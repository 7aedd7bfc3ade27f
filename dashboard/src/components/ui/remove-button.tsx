import { useState } from 'react';
import { Dialog } from './dialog';

/**
 * A small danger button whose accessible name says what it removes. Removing asks first, in a
 * dialog that says what goes with it; Cancel (or Escape) puts the focus back on the button.
 */
export function RemoveButton({
  name,
  consequence,
  onRemove,
  disabled,
}: {
  name: string;
  /** What removing does, e.g. "Their assessments are deleted too." */
  consequence: string;
  onRemove: () => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button--small button--danger" onClick={() => setOpen(true)} disabled={disabled}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
      <Dialog
        open={open}
        title={`Remove ${name}?`}
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
              Remove
            </button>
          </>
        }
      >
        <p>{consequence}</p>
      </Dialog>
    </>
  );
}
