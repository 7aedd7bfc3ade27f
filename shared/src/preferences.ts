import { z } from 'zod';

/** `PUT /me/preferences`: the caller's own email settings. */
export const UpdatePreferencesSchema = z.strictObject({
  weeklyDigest: z.boolean(),
});

/**
 * `GET /me/preferences`. `digestAvailable` is false when this server sends no email (no SMTP_URL);
 * `digestUnavailableReason` then says so, and the saved choice takes effect once email is set up.
 */
export const PreferencesSchema = z.object({
  weeklyDigest: z.boolean(),
  digestAvailable: z.boolean(),
  digestUnavailableReason: z.string().nullable(),
});

export type UpdatePreferences = z.infer<typeof UpdatePreferencesSchema>;
export type Preferences = z.infer<typeof PreferencesSchema>;
