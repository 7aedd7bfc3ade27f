import { HANDOVER_LADDER, LADDER_LABELS, can } from '@handover/shared';
import { useKtSessions } from '../../api/kt-sessions/get-kt-sessions';
import { usePeople } from '../../api/people/get-people';
import { PageHeader } from '../../components/ui/page-header';
import { HandoversView } from '../../features/handovers/components/handovers-view';
import { KtSessionList } from '../../features/kt-sessions/components/kt-session-list';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

const LADDER = HANDOVER_LADDER.map((s) => LADDER_LABELS[s].toLowerCase());

export default function HandoversPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Handovers · ${plan.name}`);
  // One request for the plan's sessions; each handover's history shows those linked to it.
  const sessions = useKtSessions(plan.id);
  const people = usePeople(plan.id);
  const personName = (id: string) => people.data?.find((p) => p.id === id)?.name;
  return (
    <>
      <PageHeader
        title="Handovers"
        description={`Responsibilities moving from the agency to the team: ${LADDER.join(' → ')} by a lead.`}
      />
      <HandoversView
        planId={plan.id}
        role={role}
        canCreate={can(role, 'handover')}
        sessionsOf={(h) => (
          <>
            <h4 className="kt-sessions__heading">Knowledge-transfer sessions</h4>
            {sessions.data ? (
              <KtSessionList
                sessions={sessions.data}
                handoverId={h.id}
                label={`Knowledge-transfer sessions for ${h.title}`}
                personName={personName}
                emptyText="No knowledge-transfer session recorded for this handover."
              />
            ) : (
              <p className="muted small">{sessions.isError ? 'The sessions could not be loaded.' : 'Loading sessions…'}</p>
            )}
          </>
        )}
      />
    </>
  );
}
