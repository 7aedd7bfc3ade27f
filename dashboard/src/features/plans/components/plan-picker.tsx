import { ROLE_LABELS, type EffectiveRole, type Membership, type Plan } from '@handover/shared';
import { Link } from 'react-router';
import { usePlans } from '../../../api/plans/get-plans';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';

const roleLine = (role: EffectiveRole | undefined) => (role ? ` · you: ${ROLE_LABELS[role]}` : '');

export function PlanPicker({ memberships, isAdmin }: { memberships: Membership[]; isAdmin: boolean }) {
  const plans = usePlans();
  const roleOf = (plan: Plan): EffectiveRole | undefined => (isAdmin ? 'admin' : memberships.find((m) => m.planId === plan.id)?.role);
  return (
    <QueryState
      query={plans}
      loadingLabel="Loading your plans…"
      isEmpty={(d) => d.items.length === 0}
      empty={
        <EmptyState title="You are not a member of any plan yet">
          <p>{isAdmin ? 'Create the first plan below.' : 'Ask an admin or a project lead to add you to a plan.'}</p>
        </EmptyState>
      }
    >
      {(data) => (
        <ul className="plan-list" aria-label="Plans">
          {data.items.map((plan) => (
            <li key={plan.id}>
              <Link to={`/plans/${plan.id}`}>
                <div className="card">
                  <h2 style={{ marginBottom: '0.25rem' }}>{plan.name}</h2>
                  <p className="muted small" style={{ margin: 0 }}>
                    {plan.brand} · agency {plan.agencyName} · target exit {formatDate(plan.targetExitDate)}
                    {roleLine(roleOf(plan))}
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
