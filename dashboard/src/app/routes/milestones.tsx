import { can } from '@handover/shared';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { MilestonesView } from '../../features/milestones/components/milestones-view';
import { MilestonesTimeline } from '../../features/milestones/components/timeline/milestones-timeline';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

const VIEWS = [
  { key: 'list', label: 'List' },
  { key: 'timeline', label: 'Timeline' },
] as const;

export default function MilestonesPage() {
  const { plan, role } = usePlanContext();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'timeline' ? 'timeline' : 'list';
  useTitle(`Milestones · ${plan.name}`);
  const show = (next: 'list' | 'timeline') =>
    setParams(
      (prev) => {
        const search = new URLSearchParams(prev);
        if (next === 'list') search.delete('view');
        else search.set('view', next);
        return search;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title="Milestones" description="The plan in three phases: internal network, outward presence, agency exit." />
      <div className="view-toggle" role="group" aria-label="Show the milestones as" style={{ marginBottom: '1rem' }}>
        {VIEWS.map((v) => (
          <button key={v.key} type="button" aria-pressed={view === v.key} onClick={() => show(v.key)}>
            {v.label}
          </button>
        ))}
      </div>
      {view === 'timeline' ? (
        <MilestonesTimeline planId={plan.id} planStart={plan.startDate} canBaseline={can(role, 'recordStatus')} />
      ) : (
        <MilestonesView planId={plan.id} canEdit={can(role, 'edit')} />
      )}
    </>
  );
}
