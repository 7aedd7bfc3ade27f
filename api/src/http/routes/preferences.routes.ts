import { PreferencesSchema, ROUTES, UpdatePreferencesSchema } from '@handover/shared';
import type { PreferencesService } from '../../modules/notify/preferences.service';
import { route, type AnyRoute } from '../route-spec';

export const preferencesRoutes = (preferences: PreferencesService): AnyRoute[] => [
  route({
    operationId: 'getMyPreferences',
    method: 'get',
    path: ROUTES.mePreferences,
    summary: 'Your email settings, and whether this server sends email at all',
    tags: ['Auth'],
    guard: { kind: 'user' },
    response: PreferencesSchema,
    handler: async (_input, ctx) => ({ body: await preferences.get(ctx) }),
  }),
  route({
    operationId: 'updateMyPreferences',
    method: 'put',
    path: ROUTES.mePreferences,
    summary: 'Turn the weekly digest email on or off for yourself',
    tags: ['Auth'],
    guard: { kind: 'user' },
    body: UpdatePreferencesSchema,
    response: PreferencesSchema,
    handler: async ({ body }, ctx) => ({ body: await preferences.update(ctx, body) }),
  }),
];
