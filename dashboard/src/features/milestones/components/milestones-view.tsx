import { PHASE_LABELS, type Milestone } from '@handover/shared';
import { useRef, useState } from 'react';
import { useMilestones } from '../../../api/milestones/get-milestones';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDate, todayIso } from '../../../lib/format';
import { useOutcome } from '../../../lib/notice';
import { dependsOnText, isOverdue, sortMilestones } from '../utils/milestones';
import { MilestoneFiltersForm, useMilestoneFilters } from './milestone-filters';
import { MilestoneForm } from './milestone-form';
import { StatusCell } from './status-cell';

type Editing = { mode: 'create' } | { mode: 'edit'; milestone: Milestone } | null;

/**
 * The plan's milestones: the list with its filters and, for leads, the form and status changes.
 * One outcome is shown at a time: the page's notice (create, save, delete) or the note under one
 * row's status; a new one replaces the last.
 */
export function MilestonesView({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { filters, setFilters, active } = useMilestoneFilters();
  const list = useMilestones(planId, filters);
  const all = useMilestones(planId);
  const [editing, setEditing] = useState<Editing>(null);
  const outcome = useOutcome();
  const formRef = useRef<HTMLElement>(null);
  const today = todayIso();
  const titleOf = (id: string) => all.data?.find((m) => m.id === id)?.title ?? 'a removed milestone';

  const openForm = (next: Editing) => {
    outcome.setNotice(null);
    setEditing(next);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  };

  return (
    <div className="stack">
      {canEdit && editing ? (
        <section className="card" ref={formRef} aria-labelledby="milestone-form-title">
          <h2 id="milestone-form-title">{editing.mode === 'create' ? 'New milestone' : `Edit “${editing.milestone.title}”`}</h2>
          <MilestoneForm
            key={editing.mode === 'edit' ? editing.milestone.id : 'new'}
            planId={planId}
            milestone={editing.mode === 'edit' ? editing.milestone : undefined}
            all={all.data ?? []}
            onDone={(text) => {
              setEditing(null);
              outcome.setNotice({ kind: 'success', text });
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      {/* Focused when it appears: after Create the form is gone, and this is where the person lands. */}
      <Notice notice={outcome.notice} live focus />
      <section className="card" aria-labelledby="milestone-list-title">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="milestone-list-title">Milestones</h2>
          {canEdit && !editing ? (
            <button type="button" className="button--primary" onClick={() => openForm({ mode: 'create' })}>
              New milestone
            </button>
          ) : null}
        </div>
        <MilestoneFiltersForm filters={filters} onChange={setFilters} active={active} />
        <QueryState
          query={list}
          loadingLabel="Loading milestones…"
          isEmpty={(d) => d.length === 0}
          empty={
            <EmptyState title={active ? 'No milestone matches these filters' : 'No milestones yet'}>
              {canEdit && !active ? <p>Create the first one to start the plan.</p> : null}
            </EmptyState>
          }
        >
          {(items) => (
            <DataTable<Milestone>
              caption={`${items.length} milestone${items.length === 1 ? '' : 's'}`}
              rows={sortMilestones(items)}
              rowKey={(m) => m.id}
              columns={[
                {
                  key: 'title',
                  header: 'Title',
                  rowHeader: true,
                  cell: (m) => (
                    <>
                      {m.title}
                      {m.dependsOn.length ? <div className="muted small">{dependsOnText(m.dependsOn.map(titleOf))}</div> : null}
                    </>
                  ),
                },
                { key: 'phase', header: 'Phase', cell: (m) => PHASE_LABELS[m.phase] },
                {
                  key: 'due',
                  header: 'Due',
                  cell: (m) => (
                    <>
                      {formatDate(m.dueDate)} {isOverdue(m, today) ? <Badge value="overdue" /> : null}
                    </>
                  ),
                },
                {
                  key: 'status',
                  header: 'Status',
                  cell: (m) =>
                    canEdit ? (
                      <StatusCell
                        planId={planId}
                        milestone={m}
                        all={all.data ?? []}
                        notice={outcome.of(m.id)}
                        onNotice={(next) => outcome.setRowNotice(m.id, next)}
                      />
                    ) : (
                      <Badge value={m.status} />
                    ),
                },
                { key: 'owner', header: 'Owner', cell: (m) => m.owner ?? '—' },
                { key: 'weight', header: 'Weight', numeric: true, cell: (m) => m.weight },
                ...(canEdit
                  ? [
                      actionsColumn((m: Milestone) => (
                        <button type="button" className="button--small" onClick={() => openForm({ mode: 'edit', milestone: m })}>
                          Edit<span className="visually-hidden"> {m.title}</span>
                        </button>
                      )),
                    ]
                  : []),
              ]}
            />
          )}
        </QueryState>
      </section>
    </div>
  );
}
