import { useQueryClient } from '@tanstack/react-query';
import { planKey } from '../../../lib/query-keys';

/** Handovers feed the ladder on the overview, the summary and the activity log. */
export function useInvalidateHandovers(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['handovers', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}
