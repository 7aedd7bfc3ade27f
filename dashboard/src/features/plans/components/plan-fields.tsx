import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { Field } from '../../../components/ui/field';
import { blankToNull, type ErrorPlacement } from '../../../lib/form';

/** The plan's own fields as the forms hold them: text inputs, targets in percent. */
export type PlanFieldValues = {
  name: string;
  brand: string;
  agencyName: string;
  startDate: string;
  targetExitDate: string;
  contractEndDate: string;
  inHouseShare: string;
  sustainWeeks: string;
  internalAdoption: string;
};

/** The plan's own fields as the create and update bodies carry them (targets apart). */
export const planFieldsBody = (v: PlanFieldValues) => ({
  name: v.name,
  brand: v.brand,
  agencyName: v.agencyName,
  startDate: v.startDate,
  targetExitDate: v.targetExitDate,
  contractEndDate: blankToNull(v.contractEndDate),
});

const TARGETS = ['inHouseShare', 'sustainWeeks', 'internalAdoption'] as const;

/**
 * The request names a target `targets.inHouseShare` and counts shares from 0 to 1; the form has a
 * field `inHouseShare` in percent. So a refusal of a target goes on its field in the form's terms,
 * and one about `targets` as a whole on the first target; without this the browser refused the
 * save with nothing shown.
 */
export const placePlanError: ErrorPlacement = (path, message) => {
  if (path === 'targets') return { field: 'inHouseShare', message };
  const target = TARGETS.find((t) => path === `targets.${t}`);
  if (!target) return null;
  return { field: target, message: target === 'sustainWeeks' ? message : message.replace('must be between 0 and 1', 'must be between 0 and 100') };
};

/** The inputs shared by the create and settings forms; errors come keyed by form field (see placePlanError). */
export function PlanFields<V extends PlanFieldValues>({ register, errors }: { register: UseFormRegister<V>; errors: FieldErrors<V> }) {
  const e = errors as Record<string, { message?: string } | undefined>;
  const r = register as unknown as UseFormRegister<PlanFieldValues>;
  return (
    <>
      <Field label="Plan name" error={e.name?.message}>
        <input {...r('name')} />
      </Field>
      <Field label="Brand" error={e.brand?.message}>
        <input {...r('brand')} />
      </Field>
      <Field label="Agency" error={e.agencyName?.message}>
        <input {...r('agencyName')} />
      </Field>
      <Field label="Start date" error={e.startDate?.message}>
        <input type="date" {...r('startDate')} />
      </Field>
      <Field label="Target exit date" error={e.targetExitDate?.message}>
        <input type="date" {...r('targetExitDate')} />
      </Field>
      <Field label="Contract end (optional)" error={e.contractEndDate?.message}>
        <input type="date" {...r('contractEndDate')} />
      </Field>
      <Field label="Target in-house share (%)" error={e.inHouseShare?.message}>
        <input type="number" min={0} max={100} step="any" inputMode="decimal" {...r('inHouseShare')} />
      </Field>
      <Field label="Weeks to sustain it" error={e.sustainWeeks?.message}>
        <input type="number" min={1} max={52} inputMode="numeric" {...r('sustainWeeks')} />
      </Field>
      <Field label="Target internal adoption (%)" error={e.internalAdoption?.message}>
        <input type="number" min={0} max={100} step="any" inputMode="decimal" {...r('internalAdoption')} />
      </Field>
    </>
  );
}
