import type { Activity } from '@handover/shared';
import { useActivity, type ActivityFilters } from '../../../api/activity/get-activity';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { FilterSelect } from '../../../components/ui/filter-select';
import { Pager, usePagedFilters } from '../../../components/ui/pager';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant, humanize, labelsOf } from '../../../lib/format';
import { ENTITIES, describeChanges } from '../utils/changes';

const PAGE = 50;
const ENTITY_LABELS = labelsOf(ENTITIES, humanize);

export function ActivityView({ planId, members }: { planId: string; members: { userId: string; name: string; email: string }[] }) {
  const { filters, update, offset, setOffset } = usePagedFilters<ActivityFilters>({});
  const activity = useActivity(planId, filters, offset);
  return (
    <section className="card">
      <form className="filters" aria-label="Filter activity" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="What" anyLabel="Everything" labels={ENTITY_LABELS} filters={filters} name="entity" onChange={update} />
        <Field label="Action" hint="e.g. create, update, delete">
          <input value={filters.action ?? ''} onChange={(e) => update({ ...filters, action: e.target.value.trim() || undefined })} />
        </Field>
        <FilterSelect label="Who" anyLabel="Anyone" labels={Object.fromEntries(members.map((m) => [m.userId, m.name]))} filters={filters} name="actorId" onChange={update} />
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
            <Pager offset={offset} total={page.total} pageSize={PAGE} onChange={setOffset} labels={['Newer', 'Older']} />
          </>
        )}
      </QueryState>
    </section>
  );
}
