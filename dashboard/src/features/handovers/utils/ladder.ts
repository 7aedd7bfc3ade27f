import { HANDOVER_LADDER, type Handover, type HandoverStatus, type Role } from '@handover/shared';

export const LADDER_LABELS: Record<HandoverStatus, string> = {
  agency: 'Agency does it',
  shadowing: 'Staff shadow',
  reverse_shadowing: 'Agency shadows staff',
  in_house: 'In-house',
  accepted: 'Accepted',
};

export type Move = { to: HandoverStatus; label: string; kind: 'forward' | 'accept' | 'back' };

/**
 * The moves a role may offer from a step: one step up (agency staff stop at in-house, only a lead
 * accepts), and for leads one step back (reopen). The server enforces the same rules.
 */
export function allowedMoves(status: HandoverStatus, role: Role | null): Move[] {
  const i = HANDOVER_LADDER.indexOf(status);
  const moves: Move[] = [];
  const next = HANDOVER_LADDER[i + 1];
  const prev = HANDOVER_LADDER[i - 1];
  if (next) {
    if (next === 'accepted') {
      if (role === 'lead') moves.push({ to: next, label: 'Accept', kind: 'accept' });
    } else if (role === 'lead' || role === 'agency') {
      moves.push({ to: next, label: `Move to ${LADDER_LABELS[next].toLowerCase()}`, kind: 'forward' });
    }
  }
  if (prev && role === 'lead') moves.push({ to: prev, label: status === 'accepted' ? 'Reopen' : `Back to ${LADDER_LABELS[prev].toLowerCase()}`, kind: 'back' });
  return moves;
}

/** How many handovers sit at each step, in ladder order (zeros included). */
export function ladderCounts(items: Pick<Handover, 'status'>[]): { status: HandoverStatus; label: string; count: number }[] {
  return HANDOVER_LADDER.map((status) => ({ status, label: LADDER_LABELS[status], count: items.filter((h) => h.status === status).length }));
}
