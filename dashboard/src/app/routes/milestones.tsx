import { can } from '@handover/shared';
import { PageHeader } from '../../components/ui/page-header';
import { MilestonesView } from '../../features/milestones/components/milestones-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function MilestonesPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Milestones · ${plan.name}`);
  return (
    <>
      <PageHeader title="Milestones" description="The plan in three phases: internal network, outward presence, agency exit." />
      <MilestonesView planId={plan.id} canEdit={can(role, 'edit')} />
    </>
  );
}
