import { CreateAdoptionSchema, mondayOf, type CreateAdoption } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, FormError } from '../../../components/ui/field';
import { errorMessage } from '../../../lib/api-client';
import { todayIso } from '../../../lib/format';
import { applyServerErrors, blankToNull, sharedResolver } from '../../../lib/form';
import { useRecordAdoption } from '../api/record-adoption';

type Values = { weekStart: string; activeUsers: string; totalStaff: string; source: string };
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
export const toCreateAdoption = (v: Values): CreateAdoption => ({
  weekStart: v.weekStart,
  activeUsers: num(v.activeUsers),
  totalStaff: num(v.totalStaff),
  source: blankToNull(v.source),
});

/** A lead records one week of internal adoption; posting a week again replaces it. */
export function AdoptionForm({ planId }: { planId: string }) {
  const record = useRecordAdoption(planId);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: sharedResolver(CreateAdoptionSchema, toCreateAdoption),
    defaultValues: { weekStart: mondayOf(todayIso()), activeUsers: '', totalStaff: '', source: '' },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    setDone(null);
    try {
      const s = await record.mutateAsync(toCreateAdoption(v));
      setDone(`Recorded the week of ${s.weekStart}: ${Math.round(s.share * 100)}% active.`);
    } catch (err) {
      if (!applyServerErrors(err, setError, ['weekStart', 'activeUsers', 'totalStaff', 'source'])) setFormError(errorMessage(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Record a week of adoption">
      <FormError message={formError} />
      {done ? (
        <p role="status" className="alert alert--success">
          {done}
        </p>
      ) : null}
      <div className="form-grid">
        <Field label="Week starting (a Monday)" error={e.weekStart?.message}>
          <input type="date" {...register('weekStart')} />
        </Field>
        <Field label="Active staff" error={e.activeUsers?.message}>
          <input type="number" min={0} inputMode="numeric" {...register('activeUsers')} />
        </Field>
        <Field label="All staff" error={e.totalStaff?.message}>
          <input type="number" min={1} inputMode="numeric" {...register('totalStaff')} />
        </Field>
        <Field label="Source (optional)" error={e.source?.message}>
          <input {...register('source')} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
          Record week
        </button>
      </div>
    </form>
  );
}
