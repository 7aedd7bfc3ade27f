import { Field } from './field';

/** The options of a select: each value with the words people read for it. */
export function Options<T extends string | number>({ values, label }: { values: readonly T[]; label: (value: T) => string }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}

/** A filter's select: `anyLabel` first (no filter, undefined), then each value. */
export function FilterSelect<T extends string>({
  label,
  value,
  values,
  optionLabel,
  anyLabel,
  onChange,
}: {
  label: string;
  value: T | undefined;
  values: readonly T[];
  optionLabel: (value: T) => string;
  anyLabel: string;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <Field label={label}>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">{anyLabel}</option>
        <Options values={values} label={optionLabel} />
      </select>
    </Field>
  );
}
