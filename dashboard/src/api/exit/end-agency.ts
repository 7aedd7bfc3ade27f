import { ExitResultSchema, ROUTES, pathTo, type ExitRequest } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { isApiError, request } from '../../lib/api-client';
import { useInvalidate } from '../query-keys';

/** `POST /plans/:planId/exit`: ends the agency arrangement (docs/domain.md#exit-page). */
export const endAgency = (planId: string, body: ExitRequest) => request(pathTo(ROUTES.planExit, { planId }), ExitResultSchema, { method: 'POST', json: body });

/** Everything about the plan changes: memberships, tokens, a final snapshot, the plan's `exitedAt`. */
export function useEndAgency(planId: string) {
  const invalidate = useInvalidate(planId, 'exit');
  return useMutation({ mutationFn: (body: ExitRequest) => endAgency(planId, body), onSettled: invalidate });
}

const UnmetGates = z.array(z.string());

/**
 * The gates a 409 refusal names (`unmetGates`, keys as in the summary's gates), or null when the
 * error is not that refusal. Keys are read as plain strings: a gate the dashboard does not know yet
 * is still listed (by its key).
 */
export function unmetGatesOf(error: unknown): string[] | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const parsed = UnmetGates.safeParse(error.problem.unmetGates);
  return parsed.success ? parsed.data : null;
}
