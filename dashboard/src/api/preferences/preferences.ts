import { PreferencesSchema, ROUTES, pathTo, type Preferences, type UpdatePreferences } from '@handover/shared';
import { useMutation, useQuery, useQueryClient, queryOptions } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** `GET/PUT /me/preferences` (docs/domain.md#email-digest): the caller's own email settings. */
export const MY_PREFERENCES_PATH = ROUTES.mePreferences;
export const MyPreferencesSchema = PreferencesSchema;
export type MyPreferences = Preferences;

export const getMyPreferences = () => request(pathTo(MY_PREFERENCES_PATH, {}), MyPreferencesSchema);
export const myPreferencesQueryOptions = () => queryOptions({ queryKey: queryKeys.myPreferences, queryFn: getMyPreferences });
export const useMyPreferences = () => useQuery(myPreferencesQueryOptions());

export const putMyPreferences = (body: UpdatePreferences) =>
  request(pathTo(MY_PREFERENCES_PATH, {}), MyPreferencesSchema, { method: 'PUT', json: body });

export function usePutMyPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putMyPreferences,
    onSuccess: (data) => queryClient.setQueryData(queryKeys.myPreferences, data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.myPreferences }),
  });
}
