import { ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** Removes the person and their assessments. */
export const deletePerson = (planId: string, personId: string) => request(pathTo(ROUTES.person, { planId, personId }), null, { method: 'DELETE' });

export function useDeletePerson(planId: string) {
  const invalidate = useInvalidate(planId, 'skills');
  return useMutation({ mutationFn: (personId: string) => deletePerson(planId, personId), onSettled: invalidate });
}
