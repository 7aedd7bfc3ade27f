import type { FormEventHandler, ReactNode } from 'react';
import type { NoticeMessage } from '../../lib/notice';
import { Notice } from './notice';
import { SubmitButton } from './submit-button';

export type Submission = { onSubmit: FormEventHandler; notice: NoticeMessage | null; pending: boolean };

/**
 * The frame of a form: the notice on top (what was refused, or done), the fields in a grid, then
 * the submit button and any other `actions` in a row. `submission` comes from useFormSubmit.
 */
export function GridForm({
  label,
  submitLabel,
  pendingLabel,
  submission,
  disabled,
  banner,
  actions,
  children,
}: {
  label: string;
  submitLabel: ReactNode;
  pendingLabel?: string;
  submission: Submission;
  disabled?: boolean;
  /** Shown between the notice and the fields. */
  banner?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form onSubmit={submission.onSubmit} noValidate className="stack" aria-label={label}>
      <Notice notice={submission.notice} focus />
      {banner}
      <div className="form-grid">{children}</div>
      <div className="row">
        <SubmitButton pending={submission.pending} pendingLabel={pendingLabel} disabled={disabled}>
          {submitLabel}
        </SubmitButton>
        {actions}
      </div>
    </form>
  );
}
