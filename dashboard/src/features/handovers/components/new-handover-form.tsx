import { CreateHandoverSchema, type Handover } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateHandover } from '../../../api/handovers/create-handover';
import { Field } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { SubmitButton } from '../../../components/ui/submit-button';
import { newIdempotencyKey } from '../../../lib/api-client';
import { blankToNull, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type NewValues = { title: string; channel: string; description: string };
const toCreate = (v: NewValues) => ({ title: v.title, channel: blankToNull(v.channel), description: blankToNull(v.description) });

export function NewHandoverForm({ planId, onCreated }: { planId: string; onCreated: (h: Handover) => void }) {
  const create = useCreateHandover(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<NewValues>({ resolver: sharedResolver(CreateHandoverSchema, toCreate), defaultValues: { title: '', channel: '', description: '' } });
  const { onSubmit, notice } = useFormSubmit(form, {
    submit: async (values) => {
      const h = await create.mutateAsync({ body: toCreate(values), key });
      form.reset();
      setKey(newIdempotencyKey());
      onCreated(h);
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Log a handover">
      <Notice notice={notice} />
      <div className="form-grid">
        <Field label="Responsibility" hint="e.g. Reply to customer questions on Instagram" error={formState.errors.title?.message}>
          <input {...register('title')} />
        </Field>
        <Field label="Channel (optional)" error={formState.errors.channel?.message}>
          <input {...register('channel')} />
        </Field>
        <Field label="Description (optional)" error={formState.errors.description?.message} className="span-all">
          <textarea rows={2} {...register('description')} />
        </Field>
      </div>
      <div className="row">
        <SubmitButton pending={formState.isSubmitting} pendingLabel="Logging…">
          Log handover
        </SubmitButton>
      </div>
    </form>
  );
}
