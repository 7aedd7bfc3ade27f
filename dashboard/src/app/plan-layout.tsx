import { ROLE_LABELS } from '@handover/shared';
import { createPortal } from 'react-dom';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { ErrorState, Loading } from '../components/ui/states';
import { usePlan } from '../api/plans/get-plan';
import { roleIn } from '../lib/permissions';
import { planNav } from './nav';
import { useSession, type PlanContext } from './use-session';

export function PlanLayout() {
  const { planId = '' } = useParams();
  const me = useSession();
  const plan = usePlan(planId);
  const role = roleIn(me, planId);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(document.getElementById('plan-nav-slot')), []);
  if (plan.isPending) return <Loading label="Loading the plan…" />;
  if (plan.isError) return <ErrorState error={plan.error} title="This plan could not be opened" onRetry={() => void plan.refetch()} />;
  const context: PlanContext = { plan: plan.data, role, me };
  const nav = (
    <nav className="app-nav" aria-label={`Plan ${plan.data.name}`}>
      <ul>
        {planNav(planId, role).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
  return (
    <>
      {slot ? createPortal(nav, slot) : nav}
      <p className="muted small no-print" style={{ margin: '0 0 0.5rem' }}>
        {plan.data.name} · {plan.data.brand}
        {role ? ` · your role: ${ROLE_LABELS[role]}` : ''}
      </p>
      <Outlet context={context} />
    </>
  );
}
