import { MilestoneStatusSchema, PHASE_LABELS, type Milestone, type MilestoneStatus } from '@handover/shared';
import { useRef, useState } from 'react';
import { useMilestones, type MilestoneFilters } from '../../../api/milestones/get-milestones';
import { useUpdateMilestone } from '../../../api/milestones/update-milestone';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { FilterSelect } from '../../../components/ui/filter-select';
import { Options } from '../../../components/ui/options';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { isApiError } from '../../../lib/api-client';
import { formatDate, humanize, labelsOf, todayIso } from '../../../lib/format';
import { useNotice } from '../../../lib/notice';
import { isOverdue, openDependencies, sortMilestones } from '../utils/milestones';
import { MilestoneForm } from './milestone-form';

const STATUS_LABELS = labelsOf(MilestoneStatusSchema.options, humanize);

type Editing = { mode: 'create' } | { mode: 'edit'; milestone: Milestone } | null;

export function MilestonesView({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const [filters, setFilters] = useState<MilestoneFilters>({});
  const list = useMilestones(planId, filters);
  const all = useMilestones(planId);
  const update = useUpdateMilestone(planId);
  const [editing, setEditing] = useState<Editing>(null);
  const { notice, setNotice, run } = useNotice();
  const formRef = useRef<HTMLElement>(null);
  const today = todayIso();

  const openForm = (next: Editing) => {
    setNotice(null);
    setEditing(next);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  };

  const handleStatus = async (m: Milestone, status: MilestoneStatus) => {
    setNotice(null);
    const open = status === 'done' ? openDependencies(m, all.data ?? []) : [];
    if (open.length) {
      setNotice({ kind: 'error', text: `“${m.title}” cannot be done while ${open.map((d) => `“${d.title}”`).join(', ')} ${open.length > 1 ? 'are' : 'is'} not done.` });
      return;
    }
    await run(
      () => update.mutateAsync({ id: m.id, version: m.version, body: { status } }),
      () => `“${m.title}” is now ${humanize(status).toLowerCase()}.`,
      (message, err) =>
        isApiError(err) && err.status === 412 ? `“${m.title}” was changed by someone else; the list now shows the current version. Try again.` : message,
    );
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
              setNotice({ kind: 'success', text });
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      <Notice notice={notice} live />
      <section className="card" aria-labelledby="milestone-list-title">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="milestone-list-title">Milestones</h2>
          {canEdit && !editing ? (
            <button type="button" className="button--primary" onClick={() => openForm({ mode: 'create' })}>
              New milestone
            </button>
          ) : null}
        </div>
        <form className="filters" aria-label="Filter milestones" onSubmit={(e) => e.preventDefault()}>
          <FilterSelect label="Phase" anyLabel="All phases" labels={PHASE_LABELS} filters={filters} name="phase" onChange={setFilters} />
          <FilterSelect label="Status" anyLabel="All statuses" labels={STATUS_LABELS} filters={filters} name="status" onChange={setFilters} />
          <label className="field--inline" style={{ minHeight: '2.5rem' }}>
            <input type="checkbox" checked={!!filters.overdue} onChange={(e) => setFilters({ ...filters, overdue: e.target.checked || undefined })} />
            Overdue only
          </label>
        </form>
        <QueryState
          query={list}
          loadingLabel="Loading milestones…"
          isEmpty={(d) => d.length === 0}
          empty={
            <EmptyState title={Object.values(filters).some(Boolean) ? 'No milestone matches these filters' : 'No milestones yet'}>
              {canEdit && !Object.values(filters).some(Boolean) ? <p>Create the first one to start the plan.</p> : null}
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
                      {m.dependsOn.length ? <div className="muted small">depends on {m.dependsOn.length}</div> : null}
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
                      <select
                        aria-label={`Status of ${m.title}`}
                        value={m.status}
                        onChange={(e) => void handleStatus(m, e.target.value as MilestoneStatus)}
                        disabled={update.isPending}
                        style={{ minWidth: '8rem' }}
                      >
                        <Options values={MilestoneStatusSchema.options} label={humanize} />
                      </select>
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
