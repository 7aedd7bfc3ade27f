import { CreateHandoverSchema, type Handover } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateHandover } from '../../../api/handovers/create-handover';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { newIdempotencyKey } from '../../../lib/api-client';
import { blankToNull, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type NewValues = { title: string; channel: string; description: string; targetDate: string };
export const toCreateHandover = (v: NewValues) => ({
  title: v.title,
  channel: blankToNull(v.channel),
  description: blankToNull(v.description),
  targetDate: blankToNull(v.targetDate),
});

export function NewHandoverForm({ planId, onCreated }: { planId: string; onCreated: (h: Handover) => void }) {
  const create = useCreateHandover(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<NewValues>({
    resolver: sharedResolver(CreateHandoverSchema, toCreateHandover),
    defaultValues: { title: '', channel: '', description: '', targetDate: '' },
  });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const h = await create.mutateAsync({ body: toCreateHandover(values), key });
      form.reset();
      setKey(newIdempotencyKey());
      onCreated(h);
    },
  });
  const { register, formState } = form;
  return (
    <GridForm label="Log a handover" submitLabel="Log handover" pendingLabel="Logging…" submission={submission}>
      <Field label="Responsibility" hint="e.g. Reply to customer questions on Instagram" error={formState.errors.title?.message}>
        <input {...register('title')} />
      </Field>
      <Field label="Channel (optional)" error={formState.errors.channel?.message}>
        <input {...register('channel')} />
      </Field>
      <Field
        label="Target date (optional)"
        hint="When a lead should accept it; the plan's exit date is worked out from these"
        error={formState.errors.targetDate?.message}
      >
        <input type="date" {...register('targetDate')} />
      </Field>
      <Field label="Description (optional)" error={formState.errors.description?.message} className="span-all">
        <textarea rows={2} {...register('description')} />
      </Field>
    </GridForm>
  );
}
