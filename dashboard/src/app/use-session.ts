import type { Me, Plan, Role } from '@handover/shared';
import { useOutletContext } from 'react-router';
import { useMe } from '../features/auth/api/get-me';
import { roleIn } from '../lib/permissions';

/** The signed-in user; only used below RequireAuth, where it is loaded. */
export function useSession(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useSession outside RequireAuth');
  return me.data;
}

export type PlanContext = { plan: Plan; role: Role | null; me: Me };
export const usePlanContext = () => useOutletContext<PlanContext>();
export { roleIn };
