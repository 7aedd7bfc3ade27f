import { CreateAdoptionSchema, mondayOf, type CreateAdoption } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useRecordAdoption } from '../../../api/adoption/record-adoption';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { formatDate, percent, todayIso } from '../../../lib/format';
import { blankToNull, numberOrNaN, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type Values = { weekStart: string; activeUsers: string; totalStaff: string; source: string };
export const toCreateAdoption = (v: Values): CreateAdoption => ({
  weekStart: v.weekStart,
  activeUsers: numberOrNaN(v.activeUsers),
  totalStaff: numberOrNaN(v.totalStaff),
  source: blankToNull(v.source),
});

/** A lead records one week of internal adoption; posting a week again replaces it. */
export function AdoptionForm({ planId }: { planId: string }) {
  const record = useRecordAdoption(planId);
  const form = useForm<Values>({
    resolver: sharedResolver(CreateAdoptionSchema, toCreateAdoption),
    defaultValues: { weekStart: mondayOf(todayIso()), activeUsers: '', totalStaff: '', source: '' },
  });
  const submission = useFormSubmit(form, {
    submit: async (v) => {
      const s = await record.mutateAsync(toCreateAdoption(v));
      return `Recorded the week of ${formatDate(s.weekStart)}: ${percent(s.share)} active.`;
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Record a week of adoption" submitLabel="Record week" submission={submission}>
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
    </GridForm>
  );
}
