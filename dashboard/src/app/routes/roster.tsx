import { can } from '@handover/shared';
import { PageHeader } from '../../components/ui/page-header';
import { RosterView } from '../../features/roster/components/roster-view';
import type { RosterAccess } from '../../features/roster/utils/roster';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function RosterPage() {
  const { plan, role, me } = usePlanContext();
  useTitle(`Roster · ${plan.name}`);
  // docs/domain.md#import-wizard-and-roster-page: leads edit; agency staff add their own side's authors; others read.
  const access: RosterAccess = { mode: can(role, 'edit') ? 'all' : role === 'agency' ? 'own' : 'read', userId: me.user.id };
  return (
    <>
      <PageHeader
        title="Roster"
        description="Who and what publishes for each side. Imported and pushed posts that do not say who made them are classified by it: an author first, else the account, else the network."
      />
      <RosterView planId={plan.id} access={access} />
    </>
  );
}
