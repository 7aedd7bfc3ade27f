import { ROUTES, SnapshotBackfillResultSchema, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** Rebuilds the missing weekly snapshots since the plan started, from history. */
export const backfillSnapshots = (planId: string) =>
  request(pathTo(ROUTES.snapshotsBackfill, { planId }), SnapshotBackfillResultSchema, { method: 'POST' });

export function useBackfillSnapshots(planId: string) {
  const invalidate = useInvalidate(planId, 'snapshots');
  return useMutation({ mutationFn: () => backfillSnapshots(planId), onSuccess: invalidate });
}
