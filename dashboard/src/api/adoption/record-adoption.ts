import { AdoptionSampleSchema, ROUTES, pathTo, type CreateAdoption } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** One week of internal adoption; posting a week again replaces it. */
export const recordAdoption = (planId: string, body: CreateAdoption) =>
  request(pathTo(ROUTES.adoption, { planId }), AdoptionSampleSchema, { method: 'POST', json: body });

export function useRecordAdoption(planId: string) {
  const invalidate = useInvalidate(planId, 'adoption');
  return useMutation({ mutationFn: (body: CreateAdoption) => recordAdoption(planId, body), onSuccess: invalidate });
}
