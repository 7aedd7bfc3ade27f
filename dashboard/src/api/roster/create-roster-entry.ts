import { ROUTES, RosterEntrySchema, pathTo, type CreateRosterEntry } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const createRosterEntry = (planId: string, body: CreateRosterEntry, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.roster, { planId }), RosterEntrySchema, { method: 'POST', json: body, idempotencyKey });

/** A new entry classifies posts and open imports' rows: both are refreshed (see query-keys.ts). */
export function useCreateRosterEntry(planId: string) {
  const invalidate = useInvalidate(planId, 'roster');
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateRosterEntry; key?: string }) => createRosterEntry(planId, body, key),
    onSuccess: invalidate,
  });
}
