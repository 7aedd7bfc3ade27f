import { UpdateExitItemSchema, type ExitItem } from '@handover/shared';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useUpdateExitItem } from '../../../api/exit-items/update-exit-item';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { isApiError } from '../../../lib/api-client';
import { blankToNull, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type EvidenceValues = { evidence: string; evidenceUrl: string };
export const toEvidencePatch = (v: EvidenceValues) => ({ evidence: blankToNull(v.evidence), evidenceUrl: blankToNull(v.evidenceUrl) });

/** The hint both evidence fields carry: the API refuses anything that looks like a credential (422). */
export const EVIDENCE_HINT = 'How the step was shown, e.g. “ownership moved to brand@northwind.example”. Never a password or a token.';

/**
 * Edits an item's evidence (note and link), sent with If-Match on the version on screen. A refusal
 * shows by the field it names (a text that looks like a credential: by the evidence); a newer
 * version on the server (412) closes the form and the checklist shows it.
 */
export function EvidenceForm({
  planId,
  item,
  onDone,
  onCancel,
  onStale,
}: {
  planId: string;
  item: ExitItem;
  onDone: (text: string) => void;
  onCancel: () => void;
  onStale: (text: string) => void;
}) {
  const update = useUpdateExitItem(planId);
  const form = useForm<EvidenceValues>({
    resolver: sharedResolver(UpdateExitItemSchema, toEvidencePatch),
    defaultValues: { evidence: item.evidence ?? '', evidenceUrl: item.evidenceUrl ?? '' },
  });
  const { setFocus } = form;
  // Opened by a button that is now hidden: the focus starts in the form.
  useEffect(() => setFocus('evidence'), [setFocus]);
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      try {
        const saved = await update.mutateAsync({ id: item.id, version: item.version, body: toEvidencePatch(values) });
        onDone(`Saved the evidence of “${saved.name}”.`);
      } catch (err) {
        if (isApiError(err) && (err.status === 412 || err.status === 404))
          return onStale(
            err.status === 412
              ? `Someone else changed “${item.name}” after you opened it; the checklist now shows their version. Edit the evidence again if needed.`
              : `“${item.name}” was deleted by someone else.`,
          );
        throw err;
      }
    },
  });
  const { register, formState } = form;
  return (
    <GridForm
      label={`Evidence of ${item.name}`}
      submitLabel="Save evidence"
      pendingLabel="Saving…"
      submission={submission}
      actions={
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      }
    >
      <Field label="Evidence note" hint={EVIDENCE_HINT} error={formState.errors.evidence?.message} className="span-all">
        <textarea rows={2} {...register('evidence')} />
      </Field>
      <Field label="Evidence link" hint="An http(s) link without a user name or password." error={formState.errors.evidenceUrl?.message} className="span-all">
        <input type="url" inputMode="url" autoComplete="off" {...register('evidenceUrl')} />
      </Field>
    </GridForm>
  );
}
