import type { Milestone } from '@handover/shared';
import { useState } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { Field } from '../../../components/ui/field';
import { formatDate, humanize } from '../../../lib/format';
import type { MilestoneFormValues } from '../utils/milestones';

/** The milestones this one depends on, as checkboxes; a search narrows a long list (chosen ones stay). */
export function DependenciesField({
  all,
  selfId,
  selected,
  register,
  error,
}: {
  all: Milestone[];
  selfId: string | undefined;
  selected: string[];
  register: UseFormRegister<MilestoneFormValues>;
  error: string | undefined;
}) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const candidates = all.filter((m) => m.id !== selfId).filter((m) => !needle || m.title.toLowerCase().includes(needle) || selected.includes(m.id));
  return (
    <fieldset className="span-all">
      <legend>Depends on ({selected.length} selected)</legend>
      {all.length > 8 ? (
        <Field label="Find a milestone">
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </Field>
      ) : null}
      {candidates.length === 0 ? (
        <p className="muted small">No other milestones{filter ? ' match' : ' yet'}.</p>
      ) : (
        <div className="checklist">
          {candidates.map((m) => (
            <label key={m.id} className="field--inline">
              <input type="checkbox" value={m.id} {...register('dependsOn')} />
              <span>
                {m.title} <span className="muted small">({humanize(m.status)}, due {formatDate(m.dueDate)})</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? <span className="field__error">{error}</span> : null}
    </fieldset>
  );
}
