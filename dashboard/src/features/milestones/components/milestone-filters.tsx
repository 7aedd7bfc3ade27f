import { MilestoneStatusSchema, PHASE_LABELS, PhaseSchema } from '@handover/shared';
import { useSearchParams } from 'react-router';
import type { MilestoneFilters } from '../../../api/milestones/get-milestones';
import { FilterSelect } from '../../../components/ui/filter-select';
import { humanize, labelsOf } from '../../../lib/format';

const STATUS_LABELS = labelsOf(MilestoneStatusSchema.options, humanize);

/**
 * The list's filters live in the address (`?phase=&status=&overdue=true`), so a filtered list can be
 * shared, bookmarked, and survives a reload or the back button. Unknown values are ignored.
 */
export function useMilestoneFilters(): { filters: MilestoneFilters; setFilters: (next: MilestoneFilters) => void; active: boolean } {
  const [params, setParams] = useSearchParams();
  const phase = PhaseSchema.safeParse(params.get('phase'));
  const status = MilestoneStatusSchema.safeParse(params.get('status'));
  const filters: MilestoneFilters = {
    ...(phase.success ? { phase: phase.data } : {}),
    ...(status.success ? { status: status.data } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: true } : {}),
  };
  const setFilters = (next: MilestoneFilters) => {
    const search = new URLSearchParams();
    if (next.phase) search.set('phase', next.phase);
    if (next.status) search.set('status', next.status);
    if (next.overdue) search.set('overdue', 'true');
    setParams(search, { replace: true });
  };
  return { filters, setFilters, active: Object.keys(filters).length > 0 };
}

export function MilestoneFiltersForm({ filters, onChange, active }: { filters: MilestoneFilters; onChange: (next: MilestoneFilters) => void; active: boolean }) {
  return (
    <form className="filters" aria-label="Filter milestones" onSubmit={(e) => e.preventDefault()}>
      <FilterSelect label="Phase" anyLabel="All phases" labels={PHASE_LABELS} filters={filters} name="phase" onChange={onChange} />
      <FilterSelect label="Status" anyLabel="All statuses" labels={STATUS_LABELS} filters={filters} name="status" onChange={onChange} />
      <label className="field--inline" style={{ minHeight: '2.5rem' }}>
        <input type="checkbox" checked={!!filters.overdue} onChange={(e) => onChange({ ...filters, overdue: e.target.checked || undefined })} />
        Overdue only
      </label>
      {active ? (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
