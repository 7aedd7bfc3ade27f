import type { Activity, Member } from '@handover/shared';
import { useActivity, type ActivityFilters } from '../../../api/activity/get-activity';
import { useHandovers } from '../../../api/handovers/get-handovers';
import { useMilestones } from '../../../api/milestones/get-milestones';
import { usePeople } from '../../../api/people/get-people';
import { useCoverage } from '../../../api/skills/get-coverage';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { FilterSelect } from '../../../components/ui/filter-select';
import { Pager, usePagedFilters } from '../../../components/ui/pager';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant, humanize, labelsOf } from '../../../lib/format';
import { ENTITIES, describeChanges, entryName } from '../utils/changes';

const PAGE = 50;
const ENTITY_LABELS = labelsOf(ENTITIES, humanize);

/** The current names of the plan's records by id, for entries whose changes do not name them. */
function useRecordNames(planId: string): Map<string, string> {
  const milestones = useMilestones(planId);
  const handovers = useHandovers(planId);
  const people = usePeople(planId);
  const coverage = useCoverage(planId);
  return new Map([
    ...(milestones.data ?? []).map((m) => [m.id, m.title] as const),
    ...(handovers.data ?? []).map((h) => [h.id, h.title] as const),
    ...(people.data ?? []).map((p) => [p.id, p.name] as const),
    ...(coverage.data?.items ?? []).map((s) => [s.skillId, s.name] as const),
  ]);
}

export function ActivityView({ planId, members }: { planId: string; members: Member[] }) {
  const { filters, update, offset, setOffset } = usePagedFilters<ActivityFilters>({});
  const activity = useActivity(planId, filters, offset);
  const names = useRecordNames(planId);
  const what = (a: Activity) => {
    const name = entryName(a, names);
    return `${humanize(a.action)} ${a.entity}${name ? ` “${name}”` : ''}`;
  };
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
            <p className="muted small">Times are in your time zone.</p>
            <DataTable<Activity>
              caption={`Activity, newest first (${page.total})`}
              rows={page.items}
              rowKey={(a) => a.id}
              columns={[
                { key: 'at', header: 'When', rowHeader: true, cell: (a) => formatInstant(a.at) },
                { key: 'who', header: 'Who', cell: (a) => a.actor.name },
                { key: 'what', header: 'What', cell: what },
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
