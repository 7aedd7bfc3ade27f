import { ROUTES, SnapshotListItemSchema, pageOf, pathTo, type SnapshotKind } from '@handover/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const SnapshotPage = pageOf(SnapshotListItemSchema);

/** One page of the plan's snapshots, newest first (docs/domain.md#status-over-time). */
export const getSnapshotPage = (planId: string, offset: number, limit: number, kind?: SnapshotKind) =>
  request(pathTo(ROUTES.snapshots, { planId }, { offset, limit, kind }), SnapshotPage);

export const useSnapshotPage = (planId: string, offset: number, limit: number) =>
  useQuery(
    queryOptions({
      queryKey: queryKeys.snapshots(planId, { offset, limit }),
      queryFn: () => getSnapshotPage(planId, offset, limit),
      placeholderData: keepPreviousData,
    }),
  );

/** Every snapshot (of one kind when given), newest first: a backfill makes at most 104 weekly ones. */
export const useAllSnapshots = (planId: string, kind?: SnapshotKind) =>
  useQuery(
    queryOptions({
      queryKey: queryKeys.snapshots(planId, { all: true, kind }),
      queryFn: () => requestAll((offset, limit) => getSnapshotPage(planId, offset, limit, kind)),
    }),
  );
