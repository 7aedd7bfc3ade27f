import type { ExitResult } from '@handover/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { unmetGatesOf, useEndAgency } from '../../../api/exit/end-agency';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { NoticeMessage } from '../../../lib/notice';
import { gateNames } from '../utils/exit-action';

/**
 * Asks before ending the agency: what will happen, the gates still open (then a reason is
 * required, and the exit is sent as an override), and a box to tick. A 409 naming open gates (the
 * summary was out of date) lists them and asks for the reason (docs/domain.md#exit-page).
 */
export function ExitDialog({
  planId,
  open,
  consequences,
  openGates,
  onClose,
  onDone,
}: {
  planId: string;
  open: boolean;
  consequences: string[];
  /** Gate keys not met, as the summary showed them when the dialog opened (it is mounted afresh at each opening). */
  openGates: string[];
  onClose: () => void;
  onDone: (result: ExitResult) => void;
}) {
  const endAgency = useEndAgency(planId);
  const [gates, setGates] = useState(openGates);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string; confirm?: string }>({});
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const formId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next = {
      reason: gates.length > 0 && !reason.trim() ? 'Give the reason for ending the agency with gates still open.' : undefined,
      confirm: confirmed ? undefined : 'Tick the box to confirm.',
    };
    setErrors(next);
    setNotice(null);
    if (next.reason || next.confirm) {
      (next.reason ? reasonRef : confirmRef).current?.focus();
      return;
    }
    try {
      const result = await endAgency.mutateAsync(gates.length > 0 ? { confirm: true, override: { reason: reason.trim() } } : { confirm: true });
      onDone(result);
    } catch (err) {
      const unmet = unmetGatesOf(err);
      if (unmet && unmet.length > 0) {
        setGates(unmet);
        setNotice({ kind: 'error', text: `The exit was refused: ${unmet.length === 1 ? 'a gate is' : `${unmet.length} gates are`} still open (listed above). Give a reason to end it anyway.` });
      } else {
        const reasonError = isApiError(err) ? (err.fieldErrors['override.reason'] ?? err.fieldErrors.override) : undefined;
        if (reasonError) {
          setErrors({ reason: reasonError });
          reasonRef.current?.focus();
          return;
        }
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    }
  };

  return (
    <Dialog
      open={open}
      title="End the agency arrangement?"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button--danger" disabled={endAgency.isPending}>
            {endAgency.isPending ? 'Ending…' : gates.length > 0 ? 'End it with gates open' : 'End the agency arrangement'}
          </button>
        </>
      }
    >
      <form id={formId} className="stack" noValidate onSubmit={(e) => void handleSubmit(e)}>
        <p style={{ margin: 0 }}>This cannot be undone. What happens:</p>
        <ul data-testid="exit-consequences" style={{ margin: 0 }}>
          {consequences.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {gates.length > 0 ? (
          <div className="alert alert--warning" data-testid="exit-open-gates" style={{ margin: 0 }}>
            <strong>{gates.length === 1 ? 'One gate is still open:' : `${gates.length} gates are still open:`}</strong>
            <ul>
              {gateNames(gates).map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="small" style={{ margin: 0 }}>
            Every gate is met.
          </p>
        )}
        {gates.length > 0 ? (
          <Field label="Reason for ending with gates open" hint="Kept in the activity log with the exit." error={errors.reason}>
            <textarea ref={reasonRef} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required aria-required="true" />
          </Field>
        ) : null}
        <div className="field">
          <label className="field--inline">
            <input
              ref={confirmRef}
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              aria-invalid={errors.confirm ? true : undefined}
              aria-describedby={errors.confirm ? `${formId}-confirm-error` : undefined}
            />
            <span>I understand that this ends the agency arrangement and cannot be undone</span>
          </label>
          {errors.confirm ? (
            <span id={`${formId}-confirm-error`} className="field__error">
              {errors.confirm}
            </span>
          ) : null}
        </div>
        <Notice notice={notice} focus />
      </form>
    </Dialog>
  );
}
