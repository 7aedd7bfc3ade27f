import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { errorMessage } from './api-client';
import { applyServerErrors } from './form';
import type { NoticeMessage } from './notice';

type Options<V> = {
  /** Sends the values; a returned text is shown as a success notice. */
  submit: (values: V) => Promise<string | void>;
  /** The fields the server's `errors[].path` may name; the form's own fields when absent. */
  fields?: readonly string[];
  /** The notice for a refusal no field explains. */
  errorText?: (error: unknown) => string;
};

/**
 * The submit every form shares: validate, send, then either a success notice or the refusal put
 * on the fields it names (`errors[].path`) and, failing that, a notice above the form.
 */
export function useFormSubmit<V extends FieldValues>(form: UseFormReturn<V>, { submit, fields, errorText = errorMessage }: Options<V>) {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      const done = await submit(values);
      if (done) setNotice({ kind: 'success', text: done });
    } catch (err) {
      if (!applyServerErrors(err, form.setError, fields ?? Object.keys(values))) setNotice({ kind: 'error', text: errorText(err) });
    }
  });
  return { onSubmit, notice, setNotice, pending: form.formState.isSubmitting };
}
