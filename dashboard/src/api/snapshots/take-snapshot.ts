import { ROUTES, SnapshotSchema, pathTo, type CreateSnapshot } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

export const takeSnapshot = (planId: string, body: CreateSnapshot, idempotencyKey = newIdempotencyKey()) =>
  request(pathTo(ROUTES.snapshots, { planId }), SnapshotSchema, { method: 'POST', json: body, idempotencyKey });

export function useTakeSnapshot(planId: string) {
  const invalidate = useInvalidate(planId, 'snapshots');
  return useMutation({ mutationFn: (body: CreateSnapshot) => takeSnapshot(planId, body), onSuccess: invalidate });
}
