import { can } from '@handover/shared';
import { StatusScreen } from '../../features/status/components/status-screen';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function StatusPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Status · ${plan.name}`);
  return <StatusScreen plan={plan} canRecordStatus={can(role, 'recordStatus')} />;
}
