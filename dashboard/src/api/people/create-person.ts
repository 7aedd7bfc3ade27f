import { PersonSchema, ROUTES, pathTo, type CreatePerson } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createPerson = (planId: string, body: CreatePerson) => request(pathTo(ROUTES.people, { planId }), PersonSchema, { method: 'POST', json: body });

export function useCreatePerson(planId: string) {
  const invalidate = useInvalidate(planId, 'skills');
  return useMutation({ mutationFn: (body: CreatePerson) => createPerson(planId, body), onSuccess: invalidate });
}
