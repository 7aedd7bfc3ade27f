import { EXIT_ITEM_LADDER, EXIT_ITEM_STATUS_LABELS } from '@handover/shared';
import { PageHeader } from '../../components/ui/page-header';
import { ExitView } from '../../features/exit/components/exit-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

const LADDER = EXIT_ITEM_LADDER.map((s) => EXIT_ITEM_STATUS_LABELS[s].toLowerCase());

export default function ExitPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Exit · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Agency exit"
        description={`What ${plan.agencyName} holds and hands back (${LADDER.join(' → ')}), the knowledge-transfer sessions, and ending the arrangement.`}
      />
      <ExitView plan={plan} role={role} />
    </>
  );
}
