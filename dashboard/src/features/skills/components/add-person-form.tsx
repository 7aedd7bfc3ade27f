import { CreatePersonSchema } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useCreatePerson } from '../../../api/people/create-person';
import { Field } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { SubmitButton } from '../../../components/ui/submit-button';
import { blankToNull, sharedResolver } from '../../../lib/form';
import type { Notices } from '../../../lib/notice';
import { useFormSubmit } from '../../../lib/use-form-submit';

type Values = { name: string; title: string };
const toBody = (v: Values) => ({ name: v.name, title: blankToNull(v.title) });

export function AddPersonForm({ planId, notices }: { planId: string; notices: Notices }) {
  const create = useCreatePerson(planId);
  const form = useForm<Values>({ resolver: sharedResolver(CreatePersonSchema, toBody), defaultValues: { name: '', title: '' } });
  const { onSubmit, notice } = useFormSubmit(form, {
    submit: async (v) => {
      const p = await create.mutateAsync(toBody(v));
      form.reset();
      notices.setNotice({ kind: 'success', text: `Added ${p.name} to the team.` });
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="filters" aria-label="Add a person">
      <Notice notice={notice} />
      <Field label="Name" error={formState.errors.name?.message}>
        <input {...register('name')} />
      </Field>
      <Field label="Job title (optional)" error={formState.errors.title?.message}>
        <input {...register('title')} />
      </Field>
      <SubmitButton pending={formState.isSubmitting}>Add person</SubmitButton>
    </form>
  );
}
