import type { HandoverStatus } from './handovers';
import type { Phase } from './milestones';
import type { PostSource } from './posts';
import type { EffectiveRole } from './permissions';
import type { GateKey } from './gates';
import type { ExitItemKind, ExitItemStatus } from './exit';

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

/** The exit checklist's ladder (docs/domain.md#exit-checklist). */
export const EXIT_ITEM_STATUS_LABELS: Record<ExitItemStatus, string> = {
  listed: 'Listed',
  access_shared: 'Access shared',
  ownership_transferred: 'Ownership transferred',
  agency_removed: 'Agency removed',
  verified: 'Verified',
};

/** What each step of the exit checklist means, for hints beside the step's name. */
export const EXIT_ITEM_STATUS_HINTS: Record<ExitItemStatus, string> = {
  listed: 'the agency holds it',
  access_shared: 'the team can get in',
  ownership_transferred: 'the team owns it',
  agency_removed: 'the agency is out; waiting for a lead to verify',
  verified: 'a lead checked that the agency is out',
};

export const EXIT_ITEM_KIND_LABELS: Record<ExitItemKind, string> = {
  social_account: 'Social account',
  ad_account: 'Ad account',
  admin_role: 'Admin role',
  credential: 'Credential',
  brand_asset: 'Brand asset',
  content_library: 'Content library',
  analytics_history: 'Analytics history',
  contract: 'Contract',
  other: 'Other',
};
