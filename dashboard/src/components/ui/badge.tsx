import { humanize } from '../../lib/format';

export function Badge({ value, label }: { value: string; label?: string }) {
  return <span className={`badge badge--${value}`}>{label ?? humanize(value)}</span>;
}
