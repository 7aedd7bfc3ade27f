import { can } from '@handover/shared';
import { PageHeader } from '../../components/ui/page-header';
import { SkillsView } from '../../features/skills/components/skills-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function SkillsPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Skills and people · ${plan.name}`);
  return (
    <>
      <PageHeader title="Skills and people" description="What the in-house team must be able to do before the agency goes, and who can do it today." />
      <SkillsView planId={plan.id} canEdit={can(role, 'edit')} canReadSensitive={can(role, 'readSensitive')} />
    </>
  );
}
