import { HANDOVER_LADDER, LADDER_LABELS, can } from '@handover/shared';
import { PageHeader } from '../../components/ui/page-header';
import { HandoversView } from '../../features/handovers/components/handovers-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

const LADDER = HANDOVER_LADDER.map((s) => LADDER_LABELS[s].toLowerCase());

export default function HandoversPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Handovers · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Handovers"
        description={`Responsibilities moving from the agency to the team: ${LADDER.join(' → ')} by a lead.`}
      />
      <HandoversView planId={plan.id} role={role} canCreate={can(role, 'handover')} />
    </>
  );
}
