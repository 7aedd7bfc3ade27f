import { ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const deleteRosterEntry = (planId: string, entryId: string, version: number) =>
  request(pathTo(ROUTES.rosterEntry, { planId, entryId }), null, { method: 'DELETE', ifMatch: version });

export function useDeleteRosterEntry(planId: string) {
  const invalidate = useInvalidate(planId, 'roster');
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => deleteRosterEntry(planId, id, version), onSettled: invalidate });
}
