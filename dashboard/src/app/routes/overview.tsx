import { PageHeader } from '../../components/ui/page-header';
import { OverviewView } from '../../features/overview/components/overview-view';
import { can } from '../../lib/permissions';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function OverviewPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Overview · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Can the agency go, and when?"
        description={`${plan.brand}: handing over from ${plan.agencyName}.`}
        actions={
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        }
      />
      <OverviewView plan={plan} canReadMatrix={can(role, 'readSensitive')} canEdit={can(role, 'editPlan')} />
    </>
  );
}
