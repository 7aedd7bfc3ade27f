import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { PlanPicker } from '../../features/plans/components/plan-picker';
import { useSession } from '../use-session';
import { useTitle } from '../use-title';

export default function PlansPage() {
  useTitle('Plans');
  const me = useSession();
  return (
    <>
      <PageHeader
        title="Your plans"
        description={`Signed in as ${me.user.name} (${me.user.email}). Choose a plan to open.`}
        actions={
          me.user.isAdmin ? (
            <Link className="button button--primary" to="/admin/plans">
              Create a plan
            </Link>
          ) : undefined
        }
      />
      <PlanPicker memberships={me.memberships} isAdmin={me.user.isAdmin} />
    </>
  );
}
