import { PageHeader } from '../../components/ui/page-header';
import { HandoversView } from '../../features/handovers/components/handovers-view';
import { can } from '../../lib/permissions';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function HandoversPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Handovers · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Handovers"
        description="Responsibilities moving from the agency to the team: agency → shadowing → reverse shadowing → in-house → accepted by a lead."
      />
      <HandoversView planId={plan.id} role={role} canCreate={can(role, 'createHandover')} />
    </>
  );
}
