import { ROUTES, RosterEntrySchema, pathTo, type UpdateRosterEntry } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** PATCH with If-Match: the version the user saw; a newer one on the server answers 412. */
export const updateRosterEntry = (planId: string, entryId: string, version: number, body: UpdateRosterEntry) =>
  request(pathTo(ROUTES.rosterEntry, { planId, entryId }), RosterEntrySchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdateRosterEntry(planId: string) {
  const invalidate = useInvalidate(planId, 'roster');
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateRosterEntry }) => updateRosterEntry(planId, id, version, body),
    onSettled: invalidate,
  });
}
