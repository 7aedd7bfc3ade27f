import { UpdatePlanSchema, type Plan, type UpdatePlan } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError } from '../../../components/ui/field';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { applyServerErrors, blankToNull, sharedResolver } from '../../../lib/form';
import { useUpdatePlan } from '../api/update-plan';
import { PlanFields, type PlanFieldValues } from './plan-fields';

type Values = PlanFieldValues;

const pct = (share: number) => String(Math.round(share * 1000) / 10);
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export const planToValues = (p: Plan): Values => ({
  name: p.name,
  brand: p.brand,
  agencyName: p.agencyName,
  startDate: p.startDate,
  targetExitDate: p.targetExitDate,
  contractEndDate: p.contractEndDate ?? '',
  inHouseShare: pct(p.targets.inHouseShare),
  sustainWeeks: String(p.targets.sustainWeeks),
  internalAdoption: pct(p.targets.internalAdoption),
});

export const toUpdatePlan = (v: Values): UpdatePlan => ({
  name: v.name,
  brand: v.brand,
  agencyName: v.agencyName,
  startDate: v.startDate,
  targetExitDate: v.targetExitDate,
  contractEndDate: blankToNull(v.contractEndDate),
  targets: { inHouseShare: num(v.inHouseShare) / 100, sustainWeeks: num(v.sustainWeeks), internalAdoption: num(v.internalAdoption) / 100 },
});

/** Leads edit the plan's dates and targets; a stale edit (412) asks to reload rather than overwrite. */
export function PlanSettingsForm({ plan }: { plan: Plan }) {
  const update = useUpdatePlan(plan.id);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // The version the form's values came from: a save sends it, so a newer edit by someone else gets a 412.
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: sharedResolver(UpdatePlanSchema, toUpdatePlan),
    defaultValues: planToValues(plan),
  });
  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    setSaved(null);
    try {
      const p = await update.mutateAsync({ version: baseVersion, body: toUpdatePlan(v) });
      setBaseVersion(p.version);
      reset(planToValues(p));
      setSaved('Plan settings saved.');
    } catch (err) {
      if (isApiError(err) && err.status === 412) setStale(true);
      else if (!applyServerErrors(err, setError, ['name', 'brand', 'agencyName', 'startDate', 'targetExitDate', 'contractEndDate', 'targets']))
        setFormError(errorMessage(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Plan settings">
      <FormError message={formError} />
      {stale ? (
        <div className="alert alert--warning" role="alert">
          Someone changed this plan after you opened it; your changes were not saved.{' '}
          <button
            type="button"
            className="button--small"
            onClick={() => {
              reset(planToValues(plan));
              setBaseVersion(plan.version);
              setStale(false);
            }}
          >
            Reload the current version
          </button>
        </div>
      ) : null}
      {saved ? (
        <p role="status" className="alert alert--success">
          {saved}
        </p>
      ) : null}
      <div className="form-grid">
        <PlanFields register={register} errors={formState.errors} />
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting || stale}>
          Save plan settings
        </button>
      </div>
    </form>
  );
}
