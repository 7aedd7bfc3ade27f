import { Field } from './field';
import { Options } from './options';

/**
 * One filter of a list as a select: `anyLabel` first (no filter), then an option per entry of
 * `labels` (value → the words people read), in their order. Choosing sets `filters[name]`.
 */
export function FilterSelect<F extends object, K extends keyof F & string>({
  label,
  anyLabel,
  labels,
  filters,
  name,
  onChange,
}: {
  label: string;
  anyLabel: string;
  labels: Readonly<Record<NonNullable<F[K]> & string, string>>;
  filters: F;
  name: K;
  onChange: (next: F) => void;
}) {
  const value = filters[name];
  return (
    <Field label={label}>
      <select value={typeof value === 'string' ? value : ''} onChange={(e) => onChange({ ...filters, [name]: e.target.value || undefined })}>
        <option value="">{anyLabel}</option>
        <Options values={Object.keys(labels)} label={(v) => (labels as Record<string, string>)[v] ?? v} />
      </select>
    </Field>
  );
}
