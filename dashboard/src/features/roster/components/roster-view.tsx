import { SOURCE_LABELS, type RosterEntry, type RosterKind } from '@handover/shared';
import { useRef, useState } from 'react';
import { useDeleteRosterEntry } from '../../../api/roster/delete-roster-entry';
import { useRoster } from '../../../api/roster/get-roster';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { FilterSelect } from '../../../components/ui/filter-select';
import { Notice } from '../../../components/ui/notice';
import { RemoveButton } from '../../../components/ui/remove-button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';
import { useNotice } from '../../../lib/notice';
import { KIND_FILTER_LABELS, KIND_LABELS, mayAdd, mayChange, rosterRows, type RosterAccess } from '../utils/roster';
import { RosterForm } from './roster-form';

type Editing = { mode: 'create' } | { mode: 'edit'; entry: RosterEntry } | null;

/**
 * The plan's roster: who and what publishes for which side, and when. Everyone reads it; leads
 * change any entry, agency staff add authors on their side and change the entries they made.
 */
export function RosterView({ planId, access }: { planId: string; access: RosterAccess }) {
  const roster = useRoster(planId);
  const remove = useDeleteRosterEntry(planId);
  const [filters, setFilters] = useState<{ kind?: RosterKind }>({});
  const [editing, setEditing] = useState<Editing>(null);
  const notices = useNotice();
  const formRef = useRef<HTMLElement>(null);

  const openForm = (next: Editing) => {
    notices.setNotice(null);
    setEditing(next);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input, select')?.focus());
  };
  const close = (text: string, kind: 'success' | 'info' = 'success') => {
    setEditing(null);
    notices.setNotice({ kind, text, focus: true });
  };
  const handleDelete = (e: RosterEntry) =>
    void notices.run(
      () => remove.mutateAsync({ id: e.id, version: e.version }),
      () => `Deleted “${e.match}”. The posts it classified are classified again without it.`,
      (message) => `“${e.match}” was not deleted: ${message}`,
      { focusDone: true },
    );

  return (
    <div className="stack">
      {editing ? (
        <section className="card" ref={formRef} aria-labelledby="roster-form-title">
          <h2 id="roster-form-title">{editing.mode === 'create' ? 'Add to the roster' : `Edit “${editing.entry.match}”`}</h2>
          <RosterForm
            key={editing.mode === 'edit' ? editing.entry.id : 'new'}
            planId={planId}
            access={access}
            entry={editing.mode === 'edit' ? editing.entry : undefined}
            onDone={(text) => close(text)}
            onCancel={() => setEditing(null)}
            onStale={(text) => {
              close(text, 'info');
              void roster.refetch();
            }}
          />
        </section>
      ) : null}
      <Notice notice={notices.notice} live focus />
      <section className="card stack" aria-labelledby="roster-title">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="roster-title">Roster</h2>
          {mayAdd(access) && !editing ? (
            <button type="button" className="button--primary" onClick={() => openForm({ mode: 'create' })}>
              Add an entry
            </button>
          ) : null}
        </div>
        <form className="filters" aria-label="Filter the roster" onSubmit={(e) => e.preventDefault()}>
          <FilterSelect label="Show" anyLabel="Every entry" labels={KIND_FILTER_LABELS} filters={filters} name="kind" onChange={setFilters} />
        </form>
        <QueryState
          query={roster}
          loadingLabel="Loading the roster…"
          isEmpty={(d) => rosterRows(d, filters.kind).length === 0}
          empty={
            <EmptyState title={filters.kind ? `No ${KIND_FILTER_LABELS[filters.kind].toLowerCase()} in the roster` : 'The roster is empty'}>
              <p>Imports and pushed posts without a source are classified by it: add the people and accounts that publish.</p>
            </EmptyState>
          }
        >
          {(entries) => {
            const rows = rosterRows(entries, filters.kind);
            const changeable = rows.some((e) => mayChange(e, access));
            return (
              <DataTable<RosterEntry>
                caption={`${rows.length} roster ${rows.length === 1 ? 'entry' : 'entries'}`}
                rows={rows}
                rowKey={(e) => e.id}
                columns={[
                  { key: 'match', header: 'Match', rowHeader: true, cell: (e) => e.match },
                  { key: 'kind', header: 'Kind', cell: (e) => KIND_LABELS[e.kind] },
                  { key: 'side', header: 'Side', cell: (e) => <Badge value={e.side} label={SOURCE_LABELS[e.side]} /> },
                  { key: 'from', header: 'From', cell: (e) => (e.from ? formatDate(e.from) : '—') },
                  { key: 'to', header: 'To', cell: (e) => (e.to ? formatDate(e.to) : '—') },
                  { key: 'note', header: 'Note', cell: (e) => e.note ?? '—' },
                  ...(changeable
                    ? [
                        actionsColumn<RosterEntry>((e) =>
                          mayChange(e, access) ? (
                            <div className="row" style={{ gap: '0.35rem' }}>
                              <button type="button" className="button--small" onClick={() => openForm({ mode: 'edit', entry: e })}>
                                Edit<span className="visually-hidden"> {e.match}</span>
                              </button>
                              <RemoveButton
                                verb="Delete"
                                name={e.match}
                                consequence="The posts it classified are classified again without it: by another entry, their file’s default side, or left waiting."
                                onRemove={() => handleDelete(e)}
                              />
                            </div>
                          ) : null,
                        ),
                      ]
                    : []),
                ]}
              />
            );
          }}
        </QueryState>
      </section>
    </div>
  );
}

