import type { EffectiveRole, Me } from '@handover/shared';
import { useOutletContext } from 'react-router';
import { useMe } from '../api/auth/get-me';
import type { PlanRead } from '../api/plans/get-plan';

/** The signed-in user; only used below RequireAuth, where it is loaded. */
export function useSession(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useSession outside RequireAuth');
  return me.data;
}

/** What every plan page gets from the layout: the plan, the caller's role in it, and the caller. */
export type PlanContext = { plan: PlanRead; role: EffectiveRole | null; me: Me };
export const usePlanContext = () => useOutletContext<PlanContext>();
