import { useQueryClient } from '@tanstack/react-query';

const inPlan = (planId: string, ...rest: unknown[]) => ['plans', planId, ...rest] as const;

/**
 * Every query key, in one place. A plan's keys start with ['plans', planId, part], so a write can
 * refresh one part of a plan, or all of it, by prefix.
 */
export const queryKeys = {
  me: ['me'] as const,
  plans: ['plans-list'] as const,
  users: ['users'] as const,
  myTokens: ['my-tokens'] as const,
  /** Everything cached about one plan. */
  plan: (planId: string) => inPlan(planId),
  planDetail: (planId: string) => inPlan(planId, 'plan'),
  members: (planId: string) => inPlan(planId, 'members'),
  milestones: (planId: string, filters: object) => inPlan(planId, 'milestones', filters),
  milestone: (planId: string, milestoneId: string) => inPlan(planId, 'milestones', 'one', milestoneId),
  people: (planId: string) => inPlan(planId, 'people'),
  coverage: (planId: string, asOf: string | undefined) => inPlan(planId, 'skills', 'coverage', asOf ?? 'today'),
  matrix: (planId: string, asOf: string | undefined) => inPlan(planId, 'skills', 'matrix', asOf ?? 'today'),
  assessments: (planId: string) => inPlan(planId, 'skills', 'assessments'),
  handovers: (planId: string, filters: object) => inPlan(planId, 'handovers', filters),
  posts: (planId: string, filters: object, offset: number) => inPlan(planId, 'posts', filters, offset),
  weeklyShare: (planId: string, from: string, to: string) => inPlan(planId, 'share', 'week', from, to),
  adoption: (planId: string, to: string | undefined) => inPlan(planId, 'adoption', to ?? 'today'),
  summary: (planId: string, asOf: string | undefined) => inPlan(planId, 'summary', asOf ?? 'today'),
  activity: (planId: string, filters: object, offset: number) => inPlan(planId, 'activity', filters, offset),
  roster: (planId: string) => inPlan(planId, 'roster'),
  /** An upload's preview under a mapping: a roster change re-runs it (the unknown authors shrink). */
  importPreview: (planId: string, importId: string, mapping: object) => inPlan(planId, 'imports', importId, 'preview', mapping),
  importStatus: (planId: string, importId: string) => inPlan(planId, 'imports', importId, 'status'),
  ingestSecrets: (planId: string) => inPlan(planId, 'ingest-secrets'),
  webhooks: (planId: string) => inPlan(planId, 'webhooks'),
  webhookDeliveries: (planId: string, webhookId: string, offset: number) => inPlan(planId, 'webhooks', webhookId, 'deliveries', offset),
  baselines: (planId: string) => inPlan(planId, 'baselines'),
  myPreferences: ['my-preferences'] as const,
  snapshots: (planId: string, filters: object) => inPlan(planId, 'snapshots', filters),
  snapshotCompare: (planId: string, from: string, to: string) => inPlan(planId, 'snapshots', 'compare', from, to),
  exitItems: (planId: string) => inPlan(planId, 'exit-items'),
  ktSessions: (planId: string, filters: object) => inPlan(planId, 'kt-sessions', filters),
};

/** The parts of a plan that a write to each resource changes: itself and what is computed from it. */
const CHANGES = {
  milestones: ['milestones', 'summary', 'activity'],
  // A deleted handover (or skill, person) leaves its knowledge-transfer sessions without the link.
  handovers: ['handovers', 'kt-sessions', 'summary', 'activity'],
  posts: ['posts', 'share', 'summary', 'activity'],
  // People, skills and assessments all move coverage, the matrix and the summary.
  skills: ['people', 'skills', 'kt-sessions', 'summary', 'activity'],
  adoption: ['adoption', 'summary', 'activity'],
  members: ['members'],
  // A snapshot is a frozen copy: taking one or editing its note changes only the snapshot lists.
  snapshots: ['snapshots', 'activity'],
  // A roster entry classifies (and, edited, reclassifies) posts, and changes what an open import previews.
  roster: ['roster', 'imports', 'posts', 'share', 'summary', 'activity'],
  // A committed import adds posts; its preview is spent.
  imports: ['imports', 'posts', 'share', 'summary', 'activity'],
  // An item's step moves the exit_items_verified gate and the exit forecast.
  exitItems: ['exit-items', 'summary', 'activity'],
  ktSessions: ['kt-sessions', 'activity'],
  // Ending the agency stamps the plan, ends agency access, takes a final snapshot: everything is read again.
  exit: ['plan', 'members', 'summary', 'snapshots', 'exit-items', 'kt-sessions', 'activity'],
} as const;

export type PlanResource = keyof typeof CHANGES;

/** Refreshes what a write to `resource` changed; a membership write (or the exit) also changes the caller's own roles. */
export function useInvalidate(planId: string, resource: PlanResource) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      ...CHANGES[resource].map((part) => queryClient.invalidateQueries({ queryKey: inPlan(planId, part) })),
      ...(resource === 'members' || resource === 'exit' ? [queryClient.invalidateQueries({ queryKey: queryKeys.me })] : []),
    ]);
}
