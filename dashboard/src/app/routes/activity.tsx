import { PageHeader } from '../../components/ui/page-header';
import { ActivityView } from '../../features/activity/components/activity-view';
import { useMembers } from '../../api/members/get-members';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function ActivityPage() {
  const { plan } = usePlanContext();
  useTitle(`Activity · ${plan.name}`);
  const members = useMembers(plan.id);
  return (
    <>
      <PageHeader title="Activity" description="Who changed what, and when." />
      <ActivityView planId={plan.id} members={members.data?.items ?? []} />
    </>
  );
}
