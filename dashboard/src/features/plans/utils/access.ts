import { accessInForce, type Member } from '@handover/shared';
import { formatDate } from '../../../lib/format';

/**
 * A member's access end as the Members page writes it (docs/domain.md#access-lifecycle): the
 * date from which they are out, said to come from the contract when they have none of their own.
 */
export function accessEnd(m: Member, today: string): { text: string; ended: boolean } {
  const end = m.effectiveAccessUntil;
  if (end === null) return { text: 'No end', ended: false };
  return { text: `${formatDate(end)}${m.accessUntil === null ? ' (contract end)' : ''}`, ended: !accessInForce(end, today) };
}

/** The hint beside an access date: what leaving it empty means for this role in this plan. */
export function accessHint(role: Member['role'], contractEndDate: string | null | undefined): string {
  const from = 'From this date on they no longer see the plan.';
  if (role === 'agency')
    return contractEndDate
      ? `${from} Left empty, agency staff follow the contract end (${formatDate(contractEndDate)}).`
      : `${from} Left empty, agency staff follow the plan's contract end (none is set now).`;
  return `${from} Left empty, there is no end.`;
}
