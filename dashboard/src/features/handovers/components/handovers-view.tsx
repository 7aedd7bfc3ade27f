import { LADDER_LABELS, type EffectiveRole, type Handover } from '@handover/shared';
import { useState, type ReactNode } from 'react';
import { useHandovers, type HandoverFilters } from '../../../api/handovers/get-handovers';
import { FilterSelect } from '../../../components/ui/filter-select';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { useOutcome } from '../../../lib/notice';
import { ladderCounts } from '../utils/ladder';
import { HandoverCard } from './handover-card';
import { NewHandoverForm } from './new-handover-form';

export function HandoversView({
  planId,
  role,
  canCreate,
  sessionsOf,
}: {
  planId: string;
  role: EffectiveRole | null;
  canCreate: boolean;
  /** Each handover's knowledge-transfer sessions, shown in its history (the page composes them in). */
  sessionsOf?: (handover: Handover) => ReactNode;
}) {
  const [filters, setFilters] = useState<HandoverFilters>({});
  const list = useHandovers(planId, filters);
  const all = useHandovers(planId);
  // One outcome at a time: the page's (a handover logged) or one card's (a move made or refused).
  const outcome = useOutcome();
  const [showForm, setShowForm] = useState(false);
  return (
    <div className="stack">
      {canCreate ? (
        <section className="card" aria-labelledby="new-handover">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 id="new-handover" style={{ margin: 0 }}>
              Log a handover
            </h2>
            <button type="button" aria-expanded={showForm} onClick={() => setShowForm((v) => !v)}>
              {showForm ? 'Close' : 'New handover'}
            </button>
          </div>
          {showForm ? (
            <div style={{ marginTop: '0.75rem' }}>
              <NewHandoverForm
                planId={planId}
                onCreated={(h) => {
                  setShowForm(false);
                  outcome.setNotice({ kind: 'success', text: `Logged “${h.title}”.` });
                }}
              />
            </div>
          ) : null}
        </section>
      ) : null}
      {/* Focused when it appears: the form that logged the handover has closed. */}
      <Notice notice={outcome.notice} live focus />
      {all.data ? (
        <p className="muted small">
          {ladderCounts(all.data)
            .map((c) => `${c.label}: ${c.count}`)
            .join(' · ')}
        </p>
      ) : null}
      <form className="filters" aria-label="Filter handovers" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="Step" anyLabel="All steps" labels={LADDER_LABELS} filters={filters} name="status" onChange={setFilters} />
      </form>
      <QueryState
        query={list}
        loadingLabel="Loading handovers…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title={filters.status ? 'No handover at this step' : 'No handovers logged yet'} />}
      >
        {(items) => (
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Handovers">
            {items.map((h) => (
              <HandoverCard
                key={h.id}
                planId={planId}
                handover={h}
                role={role}
                notice={outcome.of(h.id)}
                onNotice={(next) => outcome.setRowNotice(h.id, next)}
                sessions={sessionsOf?.(h)}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
