import { CreatePlanSchema, type CreatePlan, type Plan, type User } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError } from '../../../components/ui/field';
import { errorMessage } from '../../../lib/api-client';
import { applyServerErrors, blankToNull, sharedResolver } from '../../../lib/form';
import { useCreatePlan } from '../api/create-plan';
import { PlanFields, type PlanFieldValues } from './plan-fields';

type Values = PlanFieldValues & { leads: string[] };

const FIELDS = ['name', 'brand', 'agencyName', 'startDate', 'targetExitDate', 'contractEndDate', 'leads'] as const;

export function toCreatePlan(v: Values): CreatePlan {
  const pct = (s: string) => (s.trim() === '' ? undefined : Number(s) / 100);
  const targets = {
    inHouseShare: pct(v.inHouseShare),
    sustainWeeks: v.sustainWeeks.trim() === '' ? undefined : Number(v.sustainWeeks),
    internalAdoption: pct(v.internalAdoption),
  };
  const definedTargets = Object.fromEntries(Object.entries(targets).filter(([, x]) => x !== undefined));
  return {
    name: v.name,
    brand: v.brand,
    agencyName: v.agencyName,
    startDate: v.startDate,
    targetExitDate: v.targetExitDate,
    contractEndDate: blankToNull(v.contractEndDate),
    ...(Object.keys(definedTargets).length ? { targets: definedTargets } : {}),
    ...(v.leads.length ? { leads: v.leads } : {}),
  };
}

export function CreatePlanForm({ users, onCreated }: { users: User[]; onCreated: (plan: Plan) => void }) {
  const create = useCreatePlan();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: sharedResolver(CreatePlanSchema, toCreatePlan),
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
  const e = formState.errors as Record<string, { message?: string } | undefined>;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const plan = await create.mutateAsync(toCreatePlan(values));
      reset();
      onCreated(plan);
    } catch (err) {
      if (!applyServerErrors(err, setError, FIELDS)) setFormError(errorMessage(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Create a plan">
      <FormError message={formError} />
      <div className="form-grid">
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
            {e.leads?.message ? <span className="field__error">{e.leads.message}</span> : null}
          </fieldset>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Creating…' : 'Create plan'}
        </button>
      </div>
    </form>
  );
}
