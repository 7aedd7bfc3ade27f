import { can } from '@handover/shared';
import { OverviewScreen } from '../../features/overview/components/overview-screen';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function OverviewPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Overview · ${plan.name}`);
  return <OverviewScreen plan={plan} canReadMatrix={can(role, 'readSensitive')} canEdit={can(role, 'edit')} canRecordStatus={can(role, 'recordStatus')} />;
}
