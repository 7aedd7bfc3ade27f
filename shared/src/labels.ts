import type { HandoverStatus } from './handovers';
import type { Phase } from './milestones';
import type { PostSource } from './posts';
import type { EffectiveRole } from './permissions';
import type { GateKey } from './gates';
import type { KtMethod } from './exit';

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
};

/** How a knowledge-transfer session passed knowledge on (docs/domain.md#knowledge-transfer-sessions). */
export const KT_METHOD_LABELS: Record<KtMethod, string> = {
  shadowing: 'Shadowing',
  reverse_shadowing: 'Reverse shadowing',
  workshop: 'Workshop',
  documentation: 'Documentation',
};
