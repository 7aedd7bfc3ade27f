import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateSkills } from './invalidate';

/** Removes the person and their assessments. */
export const deletePerson = (planId: string, personId: string) => request(`/plans/${planId}/people/${personId}`, null, { method: 'DELETE' });

export function useDeletePerson(planId: string) {
  const invalidate = useInvalidateSkills(planId);
  return useMutation({ mutationFn: (personId: string) => deletePerson(planId, personId), onSettled: invalidate });
}
