import { can } from '@handover/shared';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { useUsers } from '../../api/users/get-users';
import { MembersPanel } from '../../features/plans/components/members-panel';
import { PlanSettingsForm } from '../../features/plans/components/plan-settings-form';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function MembersPage() {
  const { plan, role, me } = usePlanContext();
  useTitle(`Members · ${plan.name}`);
  const users = useUsers(me.user.isAdmin);
  // Arriving from "Create a plan": say it was created, with the way to it.
  const created = (useLocation().state as { created?: string } | null)?.created;
  return (
    <>
      <PageHeader
        title={can(role, 'edit') ? 'Members and settings' : 'Members'}
        description="Who takes part in this plan, and in which role: leads plan and accept, executives read, agency staff log."
      />
      <div className="stack">
        {created ? <CreatedNotice name={created} overview={`/plans/${plan.id}`} /> : null}
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">People in this plan</h2>
          <MembersPanel planId={plan.id} canEdit={can(role, 'edit')} users={me.user.isAdmin ? users.data : undefined} contractEndDate={plan.contractEndDate} />
        </section>
        {can(role, 'edit') ? (
          <section className="card" aria-labelledby="settings-title">
            <h2 id="settings-title">Plan settings</h2>
            <PlanSettingsForm plan={plan} />
          </section>
        ) : null}
      </div>
    </>
  );
}

function CreatedNotice({ name, overview }: { name: string; overview: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--success" role="status">
      Created the plan “{name}”. Add its members below, or <Link to={overview}>open its overview</Link>.
    </div>
  );
}
