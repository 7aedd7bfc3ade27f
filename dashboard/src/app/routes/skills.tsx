import { can } from '@handover/shared';
import { useKtSessions } from '../../api/kt-sessions/get-kt-sessions';
import { usePeople } from '../../api/people/get-people';
import { PageHeader } from '../../components/ui/page-header';
import { KtSessionsDisclosure } from '../../features/kt-sessions/components/kt-sessions-disclosure';
import { SkillsView } from '../../features/skills/components/skills-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function SkillsPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Skills and people · ${plan.name}`);
  // One request for the plan's sessions; each skill shows how many taught it, and opens their list.
  const sessions = useKtSessions(plan.id);
  const people = usePeople(plan.id);
  const personName = (id: string) => people.data?.find((p) => p.id === id)?.name;
  return (
    <>
      <PageHeader title="Skills and people" description="What the in-house team must be able to do before the agency goes, and who can do it today." />
      <SkillsView
        planId={plan.id}
        canEdit={can(role, 'edit')}
        canReadSensitive={can(role, 'readSensitive')}
        sessionsOf={(skill) =>
          sessions.data ? (
            <KtSessionsDisclosure sessions={sessions.data} skillId={skill.skillId} subject={skill.name} personName={personName} />
          ) : (
            <span className="muted small">{sessions.isError ? 'Not loaded' : '…'}</span>
          )
        }
      />
    </>
  );
}
