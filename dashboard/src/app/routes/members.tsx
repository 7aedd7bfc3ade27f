import { PageHeader } from '../../components/ui/page-header';
import { useUsers } from '../../features/users/api/users';
import { MembersPanel } from '../../features/plans/components/members-panel';
import { can } from '../../lib/permissions';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function MembersPage() {
  const { plan, role, me } = usePlanContext();
  useTitle(`Members · ${plan.name}`);
  const users = useUsers(me.user.isAdmin);
  return (
    <>
      <PageHeader title="Members" description="Who takes part in this plan, and in which role: leads plan and accept, executives read, agency staff log." />
      <section className="card">
        <MembersPanel planId={plan.id} canEdit={can(role, 'manageMembers')} users={me.user.isAdmin ? users.data : undefined} />
      </section>
    </>
  );
}
