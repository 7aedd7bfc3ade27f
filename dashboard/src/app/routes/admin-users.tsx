import { PageHeader } from '../../components/ui/page-header';
import { CreateUserForm } from '../../features/users/components/create-user-form';
import { UsersTable } from '../../features/users/components/users-table';
import { useSession } from '../use-session';
import { useTitle } from '../use-title';
import NotFoundPage from './not-found';

export default function AdminUsersPage() {
  useTitle('Users');
  const me = useSession();
  if (!me.user.isAdmin) return <NotFoundPage />;
  return (
    <>
      <PageHeader title="Users" description="Everyone who can sign in. Give them a role in a plan from the plan's Members page; deactivate someone who leaves, to cut off their access at once." />
      <div className="stack">
        <section className="card" aria-labelledby="new-user">
          <h2 id="new-user">New user</h2>
          <CreateUserForm />
        </section>
        <section className="card" aria-labelledby="all-users">
          <h2 id="all-users">All users</h2>
          <UsersTable currentUserId={me.user.id} />
        </section>
      </div>
    </>
  );
}
