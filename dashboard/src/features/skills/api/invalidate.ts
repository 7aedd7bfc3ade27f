import { useQueryClient } from '@tanstack/react-query';
import { planKey } from '../../../lib/query-keys';

/** People, skills and assessments all move coverage, the matrix, the summary and the activity log. */
export function useInvalidateSkills(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['people', 'skills', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}
