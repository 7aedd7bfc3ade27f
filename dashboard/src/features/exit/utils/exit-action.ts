import { accessInForce, gateLabel, type Gate, type Member } from '@handover/shared';
import { formatDate } from '../../../lib/format';

/** Agency members whose access is still in force today: those the exit cuts off. */
export const agencyMembersWithAccess = (members: readonly Member[], today: string): number =>
  members.filter((m) => m.role === 'agency' && accessInForce(m.effectiveAccessUntil, today)).length;

/**
 * What ending the agency does, in the order it happens. Agency access ends the moment the exit is
 * made, not at midnight (docs/domain.md#ending-the-agency).
 */
export function exitConsequences(today: string, agencyMembers: number): string[] {
  return [
    `The exit is recorded as done today, ${formatDate(today)}.`,
    agencyMembers === 0
      ? 'No agency member has access left to lose.'
      : `${agencyMembers} agency ${agencyMembers === 1 ? 'member loses' : 'members lose'} access at once: the plan is gone from their list.`,
    'Their API tokens for this plan are revoked.',
    'A final snapshot of the status is taken.',
    'Webhooks receive plan.exited.',
    'If a lead lets agency staff back in later, they can read but not change anything.',
  ];
}

/** The keys of the gates not met, in the summary's order. */
export const openGateKeys = (gates: readonly Pick<Gate, 'key' | 'met'>[]): string[] => gates.filter((g) => !g.met).map((g) => g.key);

/** Gate keys in words; a key without a label (a gate newer than this dashboard) reads as itself. */
export const gateNames = (keys: readonly string[]): string[] => keys.map(gateLabel);
