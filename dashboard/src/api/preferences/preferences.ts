import { pathTo } from '@handover/shared';
import { useMutation, useQuery, useQueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/**
 * `GET/PUT /me/preferences` (docs/domain.md#settings-pages). The API side is being added in
 * parallel; until `@handover/shared` exports its schema and route name, the contract lives here.
 * Move both to shared (and drop these copies) when they land.
 */
export const MY_PREFERENCES_PATH = '/me/preferences';
export const MyPreferencesSchema = z.object({
  weeklyDigest: z.boolean(),
  /** False when the server sends no email (no SMTP_URL) or the caller cannot get one. */
  digestAvailable: z.boolean(),
  digestUnavailableReason: z.string().nullable(),
});
export type MyPreferences = z.infer<typeof MyPreferencesSchema>;

export const getMyPreferences = () => request(pathTo(MY_PREFERENCES_PATH, {}), MyPreferencesSchema);
export const myPreferencesQueryOptions = () => queryOptions({ queryKey: queryKeys.myPreferences, queryFn: getMyPreferences });
export const useMyPreferences = () => useQuery(myPreferencesQueryOptions());

export const putMyPreferences = (body: { weeklyDigest: boolean }) =>
  request(pathTo(MY_PREFERENCES_PATH, {}), MyPreferencesSchema, { method: 'PUT', json: body });

export function usePutMyPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putMyPreferences,
    onSuccess: (data) => queryClient.setQueryData(queryKeys.myPreferences, data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.myPreferences }),
  });
}
