import { can, type EffectiveRole } from '@handover/shared';
import { useState } from 'react';
import { useExitItems } from '../../../api/exit-items/get-exit-items';
import { usePeople } from '../../../api/people/get-people';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { todayIso } from '../../../lib/format';
import { useOutcome } from '../../../lib/notice';
import { checklistSummaryParts, groupByKind } from '../utils/exit-items';
import { ExitItemCard } from './exit-item-card';
import { ExitItemForm } from './exit-item-form';

/**
 * What the agency holds and must hand back, grouped by kind, with the line that says how far it
 * is (docs/domain.md#exit-page). `readOnly`: nothing can be changed (agency staff after the exit).
 */
export function ExitChecklist({ planId, role, readOnly }: { planId: string; role: EffectiveRole | null; readOnly: boolean }) {
  const items = useExitItems(planId);
  const people = usePeople(planId);
  const outcome = useOutcome();
  const [adding, setAdding] = useState(false);
  const canAdd = !readOnly && can(role, 'recordExit');
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const today = todayIso();
  const summary = items.data ? checklistSummaryParts(items.data) : null;
  const ownerName = (owner: string | null) => (owner === null ? null : people.data ? (names.get(owner) ?? 'A person no longer on the plan') : 'Loading…');
  return (
    <section className="card stack" aria-labelledby="exit-checklist">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="exit-checklist" tabIndex={-1} style={{ margin: 0 }}>
          Checklist
        </h2>
        {canAdd ? (
          <button type="button" aria-expanded={adding} aria-controls={adding ? 'new-exit-item' : undefined} onClick={() => setAdding((v) => !v)}>
            {adding ? 'Close' : 'Add an item'}
          </button>
        ) : null}
      </div>
      {summary ? (
        <p className="exit-summary" data-testid="exit-summary">
          <strong>{summary.head}</strong>
          {summary.rest}
        </p>
      ) : null}
      {adding ? (
        <div id="new-exit-item">
          <ExitItemForm
            planId={planId}
            people={people.data ?? []}
            onDone={(text) => {
              setAdding(false);
              outcome.setNotice({ kind: 'success', text });
            }}
          />
        </div>
      ) : null}
      <Notice notice={outcome.notice} live focus />
      <QueryState
        query={items}
        loadingLabel="Loading the checklist…"
        isEmpty={(d) => d.length === 0}
        empty={
          <EmptyState title="Nothing on the checklist yet">
            <p>List what the agency holds: social and ad accounts, admin roles, logins, brand assets, content, analytics, contracts.</p>
          </EmptyState>
        }
      >
        {(data) =>
          groupByKind(data).map((group) => (
            <section key={group.kind} aria-labelledby={`exit-kind-${group.kind}`} className="exit-group" data-testid="exit-group">
              <h3 id={`exit-kind-${group.kind}`}>
                {group.label} <span className="muted small">({group.items.length})</span>
              </h3>
              <ul className="stack exit-group__items" aria-labelledby={`exit-kind-${group.kind}`}>
                {group.items.map((item) => (
                  <ExitItemCard
                    key={item.id}
                    planId={planId}
                    item={item}
                    role={role}
                    readOnly={readOnly}
                    ownerName={ownerName(item.owner)}
                    people={people.data ?? []}
                    today={today}
                    notice={outcome.of(item.id)}
                    onNotice={(next) => outcome.setRowNotice(item.id, next)}
                    onPageNotice={outcome.setNotice}
                  />
                ))}
              </ul>
            </section>
          ))
        }
      </QueryState>
    </section>
  );
}
