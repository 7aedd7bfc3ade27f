import type { ReactNode } from 'react';

/** A form's primary button: disabled while the form is sent, saying so when `pendingLabel` is given. */
export function SubmitButton({
  pending,
  pendingLabel,
  disabled,
  children,
}: {
  pending: boolean;
  pendingLabel?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="submit" className="button--primary" disabled={pending || disabled}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
