import { PersonSchema, type CreatePerson } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { useInvalidateSkills } from './invalidate';

export const createPerson = (planId: string, body: CreatePerson) => request(`/plans/${planId}/people`, PersonSchema, { method: 'POST', json: body });

export function useCreatePerson(planId: string) {
  const invalidate = useInvalidateSkills(planId);
  return useMutation({ mutationFn: (body: CreatePerson) => createPerson(planId, body), onSuccess: invalidate });
}
