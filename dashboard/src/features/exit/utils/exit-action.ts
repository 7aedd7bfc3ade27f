import { accessInForce, gateLabel, type Gate, type Member } from '@handover/shared';
import { formatDate } from '../../../lib/format';

/** Agency members whose access is still in force today: those the exit cuts off. */
export const agencyMembersWithAccess = (members: readonly Member[], today: string): number =>
  members.filter((m) => m.role === 'agency' && accessInForce(m.effectiveAccessUntil, today)).length;

/** What ending the agency does, in the order it happens (docs/domain.md#exit-page). */
export function exitConsequences(today: string, agencyMembers: number): string[] {
  return [
    `The exit is recorded as done today, ${formatDate(today)}.`,
    agencyMembers === 0
      ? 'No agency member has access left to lose.'
      : `${agencyMembers} agency ${agencyMembers === 1 ? 'member loses' : 'members lose'} access at the end of today.`,
    'Their plan API tokens are revoked.',
    'A final snapshot is taken.',
    'Webhooks receive plan.exited.',
    'The agency side becomes read-only.',
  ];
}

/** The keys of the gates not met, in the summary's order. */
export const openGateKeys = (gates: readonly Pick<Gate, 'key' | 'met'>[]): string[] => gates.filter((g) => !g.met).map((g) => g.key);

/** Gate keys in words; a key without a label (a gate newer than this dashboard) reads as itself. */
export const gateNames = (keys: readonly string[]): string[] => keys.map(gateLabel);
