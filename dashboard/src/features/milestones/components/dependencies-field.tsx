import type { Milestone } from '@handover/shared';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { Field } from '../../../components/ui/field';
import { formatDate, humanize } from '../../../lib/format';
import type { MilestoneFormValues } from '../utils/milestones';

const NEXT: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The milestones this one depends on, as checkboxes; a search narrows a long list (chosen ones stay).
 * The list is one tab stop: arrow keys move between the boxes, Space ticks one, so a long plan does
 * not add a tab stop per milestone to the form.
 */
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
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const errorId = useId();
  const needle = filter.trim().toLowerCase();
  const candidates = all.filter((m) => m.id !== selfId).filter((m) => !needle || m.title.toLowerCase().includes(needle) || selected.includes(m.id));
  const current = Math.min(active, Math.max(0, candidates.length - 1));

  const handleKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const boxes = [...(listRef.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
    const step = NEXT[e.key];
    let next: number | null = null;
    if (step !== undefined) next = (current + step + boxes.length) % boxes.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = boxes.length - 1;
    const box = next === null ? undefined : boxes[next];
    if (next === null || !box) return;
    e.preventDefault();
    setActive(next);
    box.focus();
  };

  return (
    <fieldset className="span-all" aria-describedby={[candidates.length ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}>
      <legend>Depends on ({selected.length} selected)</legend>
      {all.length > 8 ? (
        <Field label="Find a milestone">
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </Field>
      ) : null}
      {candidates.length === 0 ? (
        <p className="muted small">No other milestones{filter ? ' match' : ' yet'}.</p>
      ) : (
        <>
          <p id={hintId} className="field__hint" style={{ margin: '0.25rem 0' }}>
            Arrow keys move between milestones; Space ticks one.
          </p>
          <div className="checklist" ref={listRef} onKeyDown={handleKeyDown}>
            {candidates.map((m, i) => (
              <label key={m.id} className="field--inline">
                <input type="checkbox" value={m.id} {...register('dependsOn')} tabIndex={i === current ? 0 : -1} onFocus={() => setActive(i)} />
                <span>
                  {m.title} <span className="muted small">({humanize(m.status)}, due {formatDate(m.dueDate)})</span>
                </span>
              </label>
            ))}
          </div>
        </>
      )}
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
