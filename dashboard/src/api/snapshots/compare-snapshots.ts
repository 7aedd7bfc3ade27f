import { ROUTES, SnapshotComparisonSchema, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** What changed from one snapshot to another; no request until both are chosen and differ. */
export const compareSnapshots = (planId: string, from: string, to: string) =>
  request(pathTo(ROUTES.snapshotsCompare, { planId }, { from, to }), SnapshotComparisonSchema);

export const useSnapshotComparison = (planId: string, from: string | undefined, to: string | undefined) =>
  useQuery(
    queryOptions({
      queryKey: queryKeys.snapshotCompare(planId, from ?? '', to ?? ''),
      queryFn: () => compareSnapshots(planId, from ?? '', to ?? ''),
      enabled: Boolean(from && to && from !== to),
    }),
  );
