/**
 * Every API path under /api/v1, named once: the API mounts its routes on these and the dashboard
 * builds its request URLs from them with `pathTo`.
 */
export const ROUTES = {
  health: '/health',
  openapi: '/openapi.json',
  login: '/auth/login',
  logout: '/auth/logout',
  me: '/me',
  myPassword: '/me/password',
  myTokens: '/me/tokens',
  myToken: '/me/tokens/:tokenId',
  mePreferences: '/me/preferences',
  users: '/users',
  userDeactivate: '/users/:userId/deactivate',
  userReactivate: '/users/:userId/reactivate',
  plans: '/plans',
  plan: '/plans/:planId',
  members: '/plans/:planId/members',
  member: '/plans/:planId/members/:userId',
  activity: '/plans/:planId/activity',
  milestones: '/plans/:planId/milestones',
  milestone: '/plans/:planId/milestones/:milestoneId',
  people: '/plans/:planId/people',
  person: '/plans/:planId/people/:personId',
  skills: '/plans/:planId/skills',
  skill: '/plans/:planId/skills/:skillId',
  skillsCoverage: '/plans/:planId/skills/coverage',
  skillsMatrix: '/plans/:planId/skills/matrix',
  assessments: '/plans/:planId/assessments',
  handovers: '/plans/:planId/handovers',
  handover: '/plans/:planId/handovers/:handoverId',
  handoverTransitions: '/plans/:planId/handovers/:handoverId/transitions',
  exitItems: '/plans/:planId/exit-items',
  exitItem: '/plans/:planId/exit-items/:exitItemId',
  exitItemTransitions: '/plans/:planId/exit-items/:exitItemId/transitions',
  posts: '/plans/:planId/posts',
  post: '/plans/:planId/posts/:postId',
  postsExport: '/plans/:planId/posts/export',
  postsImport: '/plans/:planId/posts/import',
  postsShare: '/plans/:planId/posts/share',
  postsBatch: '/plans/:planId/posts/batch',
  roster: '/plans/:planId/roster',
  rosterEntry: '/plans/:planId/roster/:entryId',
  ingestInbox: '/plans/:planId/ingest/inbox',
  imports: '/plans/:planId/imports',
  importUpload: '/plans/:planId/imports/:importId',
  importMapping: '/plans/:planId/imports/:importId/mapping',
  importCommit: '/plans/:planId/imports/:importId/commit',
  importMappingSaved: '/plans/:planId/import-mappings/:name',
  adoption: '/plans/:planId/adoption',
  adoptionWeek: '/plans/:planId/adoption/:weekStart',
  summary: '/plans/:planId/summary',
  planExit: '/plans/:planId/exit',
  ingestSecrets: '/plans/:planId/ingest-secrets',
  ingestSecret: '/plans/:planId/ingest-secrets/:secretId',
  ingestPostiz: '/ingest/:secret/postiz',
  ingestAgorapulse: '/ingest/:secret/agorapulse',
  snapshots: '/plans/:planId/snapshots',
  snapshotsCompare: '/plans/:planId/snapshots/compare',
  snapshotsBackfill: '/plans/:planId/snapshots/backfill',
  snapshot: '/plans/:planId/snapshots/:snapshotId',
  baselines: '/plans/:planId/baselines',
  baseline: '/plans/:planId/baselines/:baselineId',
  webhooks: '/plans/:planId/webhooks',
  webhook: '/plans/:planId/webhooks/:webhookId',
  webhookSecret: '/plans/:planId/webhooks/:webhookId/secret',
  webhookDeliveries: '/plans/:planId/webhooks/:webhookId/deliveries',
  webhookRedeliver: '/plans/:planId/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
  ktSessions: '/plans/:planId/kt-sessions',
  ktSession: '/plans/:planId/kt-sessions/:sessionId',
} as const;

export type RouteName = keyof typeof ROUTES;
export const API_BASE = '/api/v1';

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The parameters a path template needs, e.g. `{planId, milestoneId}`. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/**
 * A concrete API path (with the /api/v1 base) from a template and its parameters, each
 * URL-encoded, plus an optional query string (undefined values left out).
 */
export function pathTo<P extends string>(
  template: P,
  params: PathParams<P>,
  query?: Record<string, string | number | boolean | undefined | null>,
): string {
  const path = template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = (params as Record<string, string>)[name];
    if (value === undefined) throw new Error(`pathTo: missing parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
  const search = query
    ? Object.entries(query)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&')
    : '';
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}
