import { isRealDate } from '@handover/shared';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { todayIso } from '../../../lib/format';

/**
 * The day the overview shows, kept in the address as `?asOf=YYYY-MM-DD` so a past view can be
 * shared; undefined means today.
 */
export function useAsOf(): [string | undefined, (day: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf') ?? '';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(raw) && isRealDate(raw) ? raw : undefined;
  const setAsOf = (day: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (day) next.set('asOf', day);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  return [asOf, setAsOf];
}

/** The As-of date, and "Back to today" beside it while another day is shown. */
export function AsOfField({ asOf, onChange, min }: { asOf: string | undefined; onChange: (day: string | undefined) => void; min?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const today = todayIso();
  const otherDay = asOf !== undefined && asOf !== today;
  return (
    <>
      <label className="field--inline small">
        <span>As of</span>
        <input
          ref={input}
          type="date"
          value={asOf ?? today}
          min={min}
          max={today}
          onChange={(e) => {
            const day = e.target.value;
            // Half-typed dates ('' or year 0002 while the year is typed) and days outside the plan's
            // span are left in the field, not shown: nothing existed before the start, nothing is known after today.
            if (!day || day > today || (min && day < min)) return;
            onChange(day === today ? undefined : day);
          }}
          style={{ width: 'auto' }}
        />
      </label>
      {otherDay ? (
        <button
          type="button"
          className="button--primary"
          onClick={() => {
            onChange(undefined);
            // The button goes away with the past day: the focus stays on the date it reset.
            input.current?.focus();
          }}
        >
          Back to today
        </button>
      ) : null}
    </>
  );
}
