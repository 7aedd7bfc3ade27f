import { useQueryClient } from '@tanstack/react-query';
import { planKey } from '../../../lib/query-keys';

/** Posts feed the share chart, the summary and the activity log. */
export function useInvalidatePosts(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['posts', 'share', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}
