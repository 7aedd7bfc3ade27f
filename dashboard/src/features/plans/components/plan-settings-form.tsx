import { UpdatePlanSchema, type Plan, type UpdatePlan } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useUpdatePlan } from '../../../api/plans/update-plan';
import { GridForm } from '../../../components/ui/grid-form';
import { isApiError } from '../../../lib/api-client';
import { numberOrNaN, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { PlanFields, placePlanError, planFieldsBody, type PlanFieldValues } from './plan-fields';

type Values = PlanFieldValues;

const pct = (share: number) => String(Math.round(share * 1000) / 10);

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
  ...planFieldsBody(v),
  targets: { inHouseShare: numberOrNaN(v.inHouseShare) / 100, sustainWeeks: numberOrNaN(v.sustainWeeks), internalAdoption: numberOrNaN(v.internalAdoption) / 100 },
});

/** Leads edit the plan's dates and targets; a stale edit (412) asks to reload rather than overwrite. */
export function PlanSettingsForm({ plan }: { plan: Plan }) {
  const update = useUpdatePlan(plan.id);
  const [stale, setStale] = useState(false);
  // The version the form's values came from: a save sends it, so a newer edit by someone else gets a 412.
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const form = useForm<Values>({ resolver: sharedResolver(UpdatePlanSchema, toUpdatePlan, placePlanError), defaultValues: planToValues(plan) });
  const submission = useFormSubmit(form, {
    place: placePlanError,
    submit: async (v) => {
      try {
        const p = await update.mutateAsync({ version: baseVersion, body: toUpdatePlan(v) });
        setBaseVersion(p.version);
        form.reset(planToValues(p));
        return 'Plan settings saved.';
      } catch (err) {
        if (!(isApiError(err) && err.status === 412)) throw err;
        setStale(true);
      }
    },
  });
  const staleBanner = (
    <div className="alert alert--warning" role="alert">
      Someone changed this plan after you opened it; your changes were not saved.{' '}
      <button
        type="button"
        className="button--small"
        onClick={() => {
          form.reset(planToValues(plan));
          setBaseVersion(plan.version);
          setStale(false);
        }}
      >
        Reload the current version
      </button>
    </div>
  );
  return (
    <GridForm label="Plan settings" submitLabel="Save plan settings" submission={submission} disabled={stale} banner={stale ? staleBanner : null}>
      <PlanFields register={form.register} errors={form.formState.errors} />
    </GridForm>
  );
}
