import { CreatePlanSchema, type CreatePlan, type Plan, type User } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useCreatePlan } from '../../../api/plans/create-plan';
import { GridForm } from '../../../components/ui/grid-form';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { PlanFields, placePlanError, planFieldsBody, type PlanFieldValues } from './plan-fields';

type Values = PlanFieldValues & { leads: string[] };

export function toCreatePlan(v: Values): CreatePlan {
  const pct = (s: string) => (s.trim() === '' ? undefined : Number(s) / 100);
  const targets = {
    inHouseShare: pct(v.inHouseShare),
    sustainWeeks: v.sustainWeeks.trim() === '' ? undefined : Number(v.sustainWeeks),
    internalAdoption: pct(v.internalAdoption),
  };
  const definedTargets = Object.fromEntries(Object.entries(targets).filter(([, x]) => x !== undefined));
  return {
    ...planFieldsBody(v),
    ...(Object.keys(definedTargets).length ? { targets: definedTargets } : {}),
    ...(v.leads.length ? { leads: v.leads } : {}),
  };
}

export function CreatePlanForm({ users, onCreated }: { users: User[]; onCreated: (plan: Plan) => void }) {
  const create = useCreatePlan();
  const form = useForm<Values>({
    resolver: sharedResolver(CreatePlanSchema, toCreatePlan, placePlanError),
    defaultValues: {
      name: '',
      brand: '',
      agencyName: '',
      startDate: '',
      targetExitDate: '',
      contractEndDate: '',
      inHouseShare: '90',
      sustainWeeks: '4',
      internalAdoption: '60',
      leads: [],
    },
  });
  const submission = useFormSubmit(form, {
    place: placePlanError,
    submit: async (values) => {
      const plan = await create.mutateAsync(toCreatePlan(values));
      form.reset();
      onCreated(plan);
    },
  });
  const { register, formState } = form;
  return (
    <GridForm label="Create a plan" submitLabel="Create plan" pendingLabel="Creating…" submission={submission}>
      <PlanFields register={register} errors={formState.errors} />
      {users.length ? (
        <fieldset className="span-all">
          <legend>Leads of the new plan</legend>
          <div className="checklist">
            {users.map((u) => (
              <label key={u.id} className="field--inline">
                <input type="checkbox" value={u.id} {...register('leads')} />
                {u.name} <span className="muted small">({u.email})</span>
              </label>
            ))}
          </div>
          {formState.errors.leads?.message ? <span className="field__error">{formState.errors.leads.message}</span> : null}
        </fieldset>
      ) : null}
    </GridForm>
  );
}
