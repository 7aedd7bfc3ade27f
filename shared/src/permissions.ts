import type { Role } from './roles';

/** A caller's role inside one plan: a member's role, or `admin` (admins act as leads everywhere). */
export type EffectiveRole = 'admin' | Role;

/**
 * Who may do what inside a plan (docs/domain.md, "Who may do what"), used by the API's guard and by
 * the dashboard to hide what would be refused. Non-members never reach this table: they get 404.
 */
export const PLAN_PERMISSIONS = {
  /** Plan, milestones, skills coverage, handovers, posts, share, summary. */
  read: ['admin', 'lead', 'executive', 'agency'],
  /** Assessments, the skills matrix, activity. */
  readSensitive: ['admin', 'lead', 'executive'],
  /** Plan, members, milestones, people, skills, assessments, adoption. */
  edit: ['admin', 'lead'],
  /** Create handovers and move them up to `in_house`. */
  handover: ['admin', 'lead', 'agency'],
  /** Accept a handover or move it back. */
  acceptHandover: ['admin', 'lead'],
  /** Record or import posts (agency staff: the `agency` source only). */
  recordPosts: ['admin', 'lead', 'agency'],
  /** Read the plan's saved import mappings (leads edit them, with `edit`). */
  readImportMappings: ['admin', 'lead', 'executive'],
  /** Record posts of any source. */
  recordAnySource: ['admin', 'lead'],
  /** Webhooks, ingest secrets, the exit action. */
  manageIntegrations: ['admin', 'lead'],
  /** Add roster entries and change them (agency staff: `author` entries of the agency side, and only their own). */
  editRoster: ['admin', 'lead', 'agency'],
  /** Take snapshots, edit their status notes, backfill them; take baselines. */
  recordStatus: ['admin', 'lead'],
  /** Create exit items, move them up to `agency_removed`, edit their evidence; record KT sessions (agency staff change only the sessions they recorded). */
  recordExit: ['admin', 'lead', 'agency'],
  /** Edit or delete exit items (beyond evidence), verify them or move them back. */
  manageExitItems: ['admin', 'lead'],
} as const satisfies Record<string, readonly EffectiveRole[]>;

export type PlanPermission = keyof typeof PLAN_PERMISSIONS;

export function can(role: EffectiveRole | null | undefined, permission: PlanPermission): boolean {
  return role != null && (PLAN_PERMISSIONS[permission] as readonly EffectiveRole[]).includes(role);
}
