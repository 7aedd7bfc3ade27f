import { ROUTES, SnapshotSchema, pathTo, type UpdateSnapshot } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** Only the status (rag, note) is editable; If-Match the version the lead saw, a newer one answers 412. */
export const updateSnapshot = (planId: string, snapshotId: string, version: number, body: UpdateSnapshot) =>
  request(pathTo(ROUTES.snapshot, { planId, snapshotId }), SnapshotSchema, { method: 'PATCH', json: body, ifMatch: version });

export function useUpdateSnapshot(planId: string) {
  const invalidate = useInvalidate(planId, 'snapshots');
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateSnapshot }) => updateSnapshot(planId, id, version, body),
    onSettled: invalidate,
  });
}
