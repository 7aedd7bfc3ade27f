import type { Activity } from '@handover/shared';
import { useState } from 'react';
import { useActivity, type ActivityFilters } from '../../../api/activity/get-activity';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { Options } from '../../../components/ui/options';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant, humanize } from '../../../lib/format';
import { ENTITIES, describeChanges } from '../utils/changes';

const PAGE = 50;

export function ActivityView({ planId, members }: { planId: string; members: { userId: string; name: string; email: string }[] }) {
  const [filters, setFilters] = useState<ActivityFilters>({});
  const [offset, setOffset] = useState(0);
  const activity = useActivity(planId, filters, offset);
  const update = (next: ActivityFilters) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <section className="card">
      <form className="filters" aria-label="Filter activity" onSubmit={(e) => e.preventDefault()}>
        <Field label="What">
          <select value={filters.entity ?? ''} onChange={(e) => update({ ...filters, entity: e.target.value || undefined })}>
            <option value="">Everything</option>
            <Options values={ENTITIES} label={humanize} />
          </select>
        </Field>
        <Field label="Action" hint="e.g. create, update, delete">
          <input value={filters.action ?? ''} onChange={(e) => update({ ...filters, action: e.target.value.trim() || undefined })} />
        </Field>
        <Field label="Who">
          <select value={filters.actorId ?? ''} onChange={(e) => update({ ...filters, actorId: e.target.value || undefined })}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <QueryState query={activity} loadingLabel="Loading activity…" isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="No activity matches" />}>
        {(page) => (
          <>
            <DataTable<Activity>
              caption={`Activity, newest first (${page.total})`}
              rows={page.items}
              rowKey={(a) => a.id}
              columns={[
                { key: 'at', header: 'When', rowHeader: true, cell: (a) => formatInstant(a.at) },
                { key: 'who', header: 'Who', cell: (a) => a.actor.email },
                { key: 'what', header: 'What', cell: (a) => `${humanize(a.action)} ${a.entity}` },
                { key: 'changes', header: 'Changes', cell: (a) => <span className="small">{describeChanges(a.changes) || '—'}</span> },
              ]}
            />
            <div className="row" style={{ marginTop: '0.5rem' }}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Newer
              </button>
              <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
                Older
              </button>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
