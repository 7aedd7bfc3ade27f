import { EXIT_ITEM_LADDER, EXIT_ITEM_STATUS_LABELS, can } from '@handover/shared';
import { useHandovers } from '../../api/handovers/get-handovers';
import { useKtSessions } from '../../api/kt-sessions/get-kt-sessions';
import { usePeople } from '../../api/people/get-people';
import { useCoverage } from '../../api/skills/get-coverage';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, QueryState } from '../../components/ui/states';
import { ExitView } from '../../features/exit/components/exit-view';
import { KtSessionList } from '../../features/kt-sessions/components/kt-session-list';
import { count } from '../../lib/format';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

const LADDER = EXIT_ITEM_LADDER.map((s) => EXIT_ITEM_STATUS_LABELS[s].toLowerCase());

/**
 * Every session of the plan, newest first, as the Handovers and Skills pages list them, with the
 * handovers and skills each served (docs/domain.md#exit-page).
 */
function ExitKtSessions({ planId }: { planId: string }) {
  const sessions = useKtSessions(planId);
  const people = usePeople(planId);
  const handovers = useHandovers(planId);
  const coverage = useCoverage(planId);
  const nameIn = (list: { id: string; name: string }[] | undefined) => (id: string) => list?.find((x) => x.id === id)?.name;
  return (
    <QueryState
      query={sessions}
      loadingLabel="Loading the sessions…"
      isEmpty={(d) => d.length === 0}
      empty={<EmptyState title="No sessions recorded yet" />}
    >
      {(data) => (
        <div>
          <p className="small muted" style={{ margin: 0 }}>
            {count(data.length, 'session')}, newest first.
          </p>
          <KtSessionList
            sessions={data}
            label="Knowledge-transfer sessions, newest first"
            personName={nameIn(people.data)}
            handoverName={nameIn(handovers.data?.map((h) => ({ id: h.id, name: h.title })))}
            skillName={nameIn(coverage.data?.items.map((s) => ({ id: s.skillId, name: s.name })))}
          />
        </div>
      )}
    </QueryState>
  );
}

export default function ExitPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Exit · ${plan.name}`);
  // The exit action is for leads and admins until it is done; the others read what the page holds.
  const ending = plan.exitedAt ? '' : can(role, 'manageIntegrations') ? ', and ending the arrangement' : '; a lead ends the arrangement here';
  return (
    <>
      <PageHeader
        title="Agency exit"
        description={`What ${plan.agencyName} holds and hands back (${LADDER.join(' → ')}), the knowledge-transfer sessions${ending}.`}
      />
      <ExitView plan={plan} role={role} ktSessions={<ExitKtSessions planId={plan.id} />} />
    </>
  );
}
