import { HANDOVER_LADDER, LADDER_LABELS, can, type EffectiveRole, type Handover, type HandoverStatus } from '@handover/shared';

export type Move = { to: HandoverStatus; label: string; kind: 'forward' | 'accept' | 'back' };

/**
 * The moves a role may offer from a step: one step up (agency staff stop at in-house, only a lead
 * accepts), and for leads one step back (reopen). The server enforces the same rules.
 */
export function allowedMoves(status: HandoverStatus, role: EffectiveRole | null): Move[] {
  const i = HANDOVER_LADDER.indexOf(status);
  const moves: Move[] = [];
  const next = HANDOVER_LADDER[i + 1];
  const prev = HANDOVER_LADDER[i - 1];
  if (next) {
    if (next === 'accepted') {
      if (can(role, 'acceptHandover')) moves.push({ to: next, label: 'Accept', kind: 'accept' });
    } else if (can(role, 'handover')) {
      moves.push({ to: next, label: `Move to ${LADDER_LABELS[next].toLowerCase()}`, kind: 'forward' });
    }
  }
  if (prev && can(role, 'acceptHandover'))
    moves.push({ to: prev, label: status === 'accepted' ? 'Reopen' : `Back to ${LADDER_LABELS[prev].toLowerCase()}`, kind: 'back' });
  return moves;
}

/** How many handovers sit at each step, in ladder order (zeros included). */
export function ladderCounts(items: Pick<Handover, 'status'>[]): { status: HandoverStatus; label: string; count: number }[] {
  return HANDOVER_LADDER.map((status) => ({ status, label: LADDER_LABELS[status], count: items.filter((h) => h.status === status).length }));
}
