import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { errorMessage, isApiError } from './api-client';
import { applyServerErrors, type ErrorPlacement } from './form';
import type { NoticeMessage } from './notice';

type Options<V> = {
  /** Sends the values; a returned text is shown as a success notice. */
  submit: (values: V) => Promise<string | void>;
  /** The fields the server's `errors[].path` may name; the form's own fields when absent. */
  fields?: readonly string[];
  /** Where a request path's error shows, when not on the field of the same name. */
  place?: ErrorPlacement;
  /** The notice for a refusal no field explains. */
  errorText?: (error: unknown) => string;
};

/**
 * The submit every form shares: validate, send, then either a success notice or the refusal put
 * on the fields it names (`errors[].path`) and, failing that, the form's notice. A form has one
 * notice: each attempt replaces the last one, so an old "Saved" never stands beside a new refusal.
 */
export function useFormSubmit<V extends FieldValues>(form: UseFormReturn<V>, { submit, fields, place, errorText = errorMessage }: Options<V>) {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const onSubmit = form.handleSubmit(
    async (values) => {
      setNotice(null);
      try {
        const done = await submit(values);
        if (done) setNotice({ kind: 'success', text: done });
      } catch (err) {
        const result = isApiError(err) ? applyServerErrors(err, form.setError, fields ?? Object.keys(values), place) : { placed: false, unplaced: [] };
        if (result.unplaced.length) setNotice({ kind: 'error', text: result.unplaced.join(' ') });
        else if (!result.placed) setNotice({ kind: 'error', text: errorText(err) });
      }
    },
    // Refused in the browser: the fields say why; an error no field shows becomes the notice.
    (errors) => setNotice(errors.root?.message ? { kind: 'error', text: errors.root.message } : null),
  );
  return { onSubmit, notice, setNotice, pending: form.formState.isSubmitting };
}
