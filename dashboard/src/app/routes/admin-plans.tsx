import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { Loading } from '../../components/ui/states';
import { CreatePlanForm } from '../../features/plans/components/create-plan-form';
import { useUsers } from '../../api/users/get-users';
import { useSession } from '../use-session';
import { useTitle } from '../use-title';
import NotFoundPage from './not-found';

export default function AdminPlansPage() {
  useTitle('New plan');
  const me = useSession();
  const users = useUsers(me.user.isAdmin);
  const navigate = useNavigate();
  if (!me.user.isAdmin) return <NotFoundPage />;
  return (
    <>
      <PageHeader title="Create a plan" description="A plan tracks one brand's transition away from one agency." />
      <section className="card">
        {users.isPending ? (
          <Loading label="Loading users…" />
        ) : (
          <CreatePlanForm users={(users.data ?? []).filter((u) => !u.isAdmin)} onCreated={(plan) => navigate(`/plans/${plan.id}/members`, { state: { created: plan.name } })} />
        )}
      </section>
    </>
  );
}
