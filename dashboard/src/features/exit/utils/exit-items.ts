import {
  EXIT_ITEM_KINDS,
  EXIT_ITEM_KIND_LABELS,
  EXIT_ITEM_LADDER,
  EXIT_ITEM_STATUS_LABELS,
  can,
  type EffectiveRole,
  type ExitItem,
  type ExitItemKind,
  type ExitItemStatus,
} from '@handover/shared';
import { quotedList } from '../../../lib/format';

export type ExitMove = { to: ExitItemStatus; label: string; kind: 'forward' | 'verify' | 'back' };

/**
 * What a role may do on the Exit page once the plan is exited: agency staff lose their writes
 * (their access ends that day), leads and admins keep theirs (docs/domain.md#exit-page).
 */
export const writesAllowed = (role: EffectiveRole | null, exited: boolean): boolean => !(exited && role === 'agency');

/**
 * The moves a role may offer from a step: one step up (agency staff stop at "agency removed",
 * only a lead verifies), and for leads one step back. The server enforces the same rules.
 */
export function exitMoves(status: ExitItemStatus, role: EffectiveRole | null): ExitMove[] {
  const i = EXIT_ITEM_LADDER.indexOf(status);
  const next = EXIT_ITEM_LADDER[i + 1];
  const prev = EXIT_ITEM_LADDER[i - 1];
  const moves: ExitMove[] = [];
  if (next === 'verified') {
    if (can(role, 'manageExitItems')) moves.push({ to: next, label: 'Verify', kind: 'verify' });
  } else if (next && can(role, 'recordExit')) {
    moves.push({ to: next, label: `Move to ${EXIT_ITEM_STATUS_LABELS[next].toLowerCase()}`, kind: 'forward' });
  }
  if (prev && can(role, 'manageExitItems')) moves.push({ to: prev, label: `Back to ${EXIT_ITEM_STATUS_LABELS[prev].toLowerCase()}`, kind: 'back' });
  return moves;
}

/** What a role cannot do from a step, said where the buttons would be (the server refuses it with 403). */
export function exitMoveNote(status: ExitItemStatus, role: EffectiveRole | null): string | null {
  if (can(role, 'manageExitItems') || !can(role, 'recordExit')) return null;
  if (status === 'agency_removed') return 'Only a lead can verify it or move it back.';
  if (status === 'verified') return 'Only a lead can move it back.';
  if (status !== 'listed') return 'Only a lead can move it back a step.';
  return null;
}

/** A due date before today on an item not yet verified. */
export const isOverdue = (item: Pick<ExitItem, 'dueDate' | 'status'>, today: string): boolean =>
  item.status !== 'verified' && item.dueDate !== null && item.dueDate < today;

export type KindGroup = { kind: ExitItemKind; label: string; items: ExitItem[] };

/** Unverified first, each by due date (undated last), then name. */
const byDueDate = (a: ExitItem, b: ExitItem): number =>
  (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99') || a.name.localeCompare(b.name);

/** The checklist by kind, in the kinds' order; a kind without items is left out. */
export function groupByKind(items: readonly ExitItem[]): KindGroup[] {
  return EXIT_ITEM_KINDS.map((kind) => ({
    kind,
    label: EXIT_ITEM_KIND_LABELS[kind].many,
    items: items.filter((i) => i.kind === kind).sort((a, b) => Number(a.status === 'verified') - Number(b.status === 'verified') || byDueDate(a, b)),
  })).filter((g) => g.items.length > 0);
}

/**
 * The line above the checklist: how many items are verified (`head`) and which ones still block the
 * gate (`rest`), earliest due first (undated last).
 */
export function checklistSummaryParts(items: readonly ExitItem[]): { head: string; rest: string } {
  if (items.length === 0) return { head: 'No items listed yet', rest: ': the exit needs at least one, and every one verified.' };
  const blocking = items.filter((i) => i.status !== 'verified').sort(byDueDate);
  const head = `${items.length - blocking.length} of ${items.length} ${items.length === 1 ? 'item' : 'items'} verified`;
  return { head, rest: blocking.length === 0 ? '; nothing blocking.' : `; blocking: ${quotedList(blocking.map((i) => i.name))}.` };
}

export const checklistSummary = (items: readonly ExitItem[]): string => {
  const { head, rest } = checklistSummaryParts(items);
  return head + rest;
};
