import type { SnapshotListItem } from '@handover/shared';
import { useState } from 'react';
import { useSnapshotComparison } from '../../../api/snapshots/compare-snapshots';
import { Field } from '../../../components/ui/field';
import { QueryState } from '../../../components/ui/states';
import { defaultPair, snapshotName } from '../utils/status';
import { ChangesList } from './changes-list';

/** Compare any two snapshots: the latest against the one before it until the reader picks others. */
export function ComparePanel({ planId, snapshots }: { planId: string; snapshots: SnapshotListItem[] }) {
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const fallback = defaultPair(snapshots);
  const from = picked.from ?? fallback.from;
  const to = picked.to ?? fallback.to;
  const comparison = useSnapshotComparison(planId, from, to);
  const picker = (label: string, value: string | undefined, key: 'from' | 'to') => (
    <Field label={label}>
      <select value={value ?? ''} onChange={(e) => setPicked({ from, to, [key]: e.target.value })}>
        {snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            {snapshotName(s)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <section className="card no-print" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">Compare two snapshots</h2>
      {snapshots.length < 2 ? (
        <p className="muted">Comparing needs two snapshots; there is {snapshots.length === 1 ? 'one' : 'none'} so far.</p>
      ) : (
        <>
          <div className="row">
            {picker('From', from, 'from')}
            {picker('To', to, 'to')}
          </div>
          {from === to ? (
            <p className="muted">Pick two different snapshots.</p>
          ) : (
            <div aria-live="polite">
              <QueryState query={comparison} loadingLabel="Comparing…">
                {(c) => <ChangesList comparison={c} />}
              </QueryState>
            </div>
          )}
        </>
      )}
    </section>
  );
}
