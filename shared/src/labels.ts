import type { HandoverStatus } from './handovers';
import type { Phase } from './milestones';
import type { PostSource } from './posts';
import type { EffectiveRole } from './permissions';
import type { GateKey } from './gates';
import type { ExitItemKind, ExitItemStatus, KtMethod } from './exit';

/** The words people read for each value; every page uses these, so they never disagree. */
export const PHASE_LABELS: Record<Phase, string> = {
  internal_network: 'Internal network',
  outward_presence: 'Outward presence',
  agency_exit: 'Agency exit',
};

export const LADDER_LABELS: Record<HandoverStatus, string> = {
  agency: 'Agency',
  shadowing: 'Shadowing',
  reverse_shadowing: 'Reverse shadowing',
  in_house: 'In-house',
  accepted: 'Accepted',
};

/** What each ladder step means, for hints beside the step's name. */
export const LADDER_HINTS: Record<HandoverStatus, string> = {
  agency: 'the agency does it',
  shadowing: 'staff watch the agency do it',
  reverse_shadowing: 'the agency watches staff do it',
  in_house: 'staff do it; waiting for a lead to accept',
  accepted: 'a lead confirmed that staff own it',
};

export const SOURCE_LABELS: Record<PostSource, string> = {
  agency: 'Agency',
  in_house: 'In-house',
  co_authored: 'Co-authored',
};

export const ROLE_LABELS: Record<EffectiveRole, string> = {
  admin: 'Administrator',
  lead: 'Project lead',
  executive: 'Executive',
  agency: 'Agency staff',
};

/** Each exit gate, as the overview, the status report and the digest name it. */
export const GATE_LABELS: Record<GateKey, string> = {
  internal_network: 'Internally networked',
  skills_covered: 'Critical skills covered',
  posts_share: 'In-house share sustained',
  handovers_accepted: 'Every handover accepted',
  milestones_done: 'Every milestone done',
  exit_items_verified: 'Every exit item verified',
};

/** What the agency holds, by kind: one item (a form's choice) and a group of them (a checklist heading). */
export const EXIT_ITEM_KIND_LABELS: Record<ExitItemKind, { one: string; many: string }> = {
  social_account: { one: 'Social account', many: 'Social accounts' },
  ad_account: { one: 'Ad account', many: 'Ad accounts' },
  admin_role: { one: 'Admin role', many: 'Admin roles' },
  credential: { one: 'Login or password', many: 'Logins and passwords' },
  brand_asset: { one: 'Brand asset', many: 'Brand assets' },
  content_library: { one: 'Content library', many: 'Content libraries' },
  analytics_history: { one: 'Analytics history', many: 'Analytics history' },
  contract: { one: 'Contract', many: 'Contracts' },
  other: { one: 'Other', many: 'Other' },
};

/** The exit checklist's ladder steps (docs/domain.md#exit-page). */
export const EXIT_ITEM_STATUS_LABELS: Record<ExitItemStatus, string> = {
  listed: 'Listed',
  access_shared: 'Access shared',
  ownership_transferred: 'Ownership transferred',
  agency_removed: 'Agency removed',
  verified: 'Verified',
};

/** What each exit checklist step means, for hints beside the step's name. */
export const EXIT_ITEM_STATUS_HINTS: Record<ExitItemStatus, string> = {
  listed: 'the agency holds it; the team cannot get in yet',
  access_shared: 'the team can get in',
  ownership_transferred: 'the team owns it',
  agency_removed: 'the agency is out; waiting for a lead to verify',
  verified: 'a lead checked that the team owns it and the agency is out',
};

export const KT_METHOD_LABELS: Record<KtMethod, string> = {
  shadowing: 'Shadowing',
  reverse_shadowing: 'Reverse shadowing',
  workshop: 'Workshop',
  documentation: 'Documentation',
};

/**
 * A gate's name, for keys the dashboard may not know yet (a gate added on the server first): the
 * label when there is one, else the key itself.
 */
export const gateLabel = (key: string): string => (GATE_LABELS as Record<string, string>)[key] ?? key;
