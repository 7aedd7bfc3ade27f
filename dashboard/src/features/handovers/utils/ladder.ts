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

/**
 * What a role cannot do from a step, said plainly where the buttons would be (the server refuses
 * it with 403): only leads accept and move back (docs/domain.md#ladder).
 */
export function ladderNote(status: HandoverStatus, role: EffectiveRole | null): string | null {
  if (can(role, 'acceptHandover')) return null;
  if (status === 'in_house') return 'Only a lead can accept it or move it back.';
  if (status === 'accepted') return 'Only a lead can reopen it.';
  if (status !== 'agency' && can(role, 'handover')) return 'Only a lead can move it back a step.';
  return null;
}
