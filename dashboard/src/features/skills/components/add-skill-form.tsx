import { CreateSkillSchema, type CreateSkill } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useCreateSkill } from '../../../api/skills/create-skill';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { blankToNull, numberOrNaN, sharedResolver } from '../../../lib/form';
import type { Notices } from '../../../lib/notice';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { RequiredLevelOptions } from './level-options';

type SkillValues = { name: string; category: string; requiredLevel: string; requiredPeople: string; critical: boolean };
export const toCreateSkill = (v: SkillValues): CreateSkill => ({
  name: v.name,
  category: blankToNull(v.category),
  requiredLevel: Number(v.requiredLevel),
  requiredPeople: numberOrNaN(v.requiredPeople),
  critical: v.critical,
});

export function AddSkillForm({ planId, notices }: { planId: string; notices: Notices }) {
  const create = useCreateSkill(planId);
  const form = useForm<SkillValues>({
    resolver: sharedResolver(CreateSkillSchema, toCreateSkill),
    defaultValues: { name: '', category: '', requiredLevel: '3', requiredPeople: '1', critical: false },
  });
  const submission = useFormSubmit(form, {
    submit: async (v) => {
      const s = await create.mutateAsync(toCreateSkill(v));
      form.reset();
      notices.setNotice({ kind: 'success', text: `Added the skill “${s.name}”.` });
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Add a skill" submitLabel="Add skill" submission={submission}>
      <Field label="Skill" error={e.name?.message}>
        <input {...register('name')} />
      </Field>
      <Field label="Category (optional)" error={e.category?.message}>
        <input {...register('category')} />
      </Field>
      <Field label="Level required" error={e.requiredLevel?.message}>
        <select {...register('requiredLevel')}>
          <RequiredLevelOptions />
        </select>
      </Field>
      <Field label="People needed" error={e.requiredPeople?.message}>
        <input type="number" min={1} inputMode="numeric" {...register('requiredPeople')} />
      </Field>
      <label className="field--inline">
        <input type="checkbox" {...register('critical')} /> Critical for the exit
      </label>
    </GridForm>
  );
}
