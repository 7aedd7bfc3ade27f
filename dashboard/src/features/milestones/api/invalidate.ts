import { useQueryClient } from '@tanstack/react-query';
import { planKey } from '../../../lib/query-keys';

/** Milestones feed the summary and the activity log: a write refreshes all three. */
export function useInvalidateMilestones(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['milestones', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}
