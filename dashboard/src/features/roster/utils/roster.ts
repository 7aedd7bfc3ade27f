import type { CreateRosterEntry, RosterEntry, RosterKind, RosterSide, UpdateRosterEntry } from '@handover/shared';

export const KIND_LABELS: Record<RosterKind, string> = { author: 'Author', channel: 'Account or channel' };
export const KIND_FILTER_LABELS: Record<RosterKind, string> = { author: 'Authors', channel: 'Accounts and channels' };

/**
 * What the caller may do with the roster (docs/domain.md#import-wizard-and-roster-page): leads (and admins) everything;
 * agency staff add author entries on the agency side and change only the entries they created;
 * everyone else reads.
 */
export type RosterAccess = { mode: 'all' | 'own' | 'read'; userId: string };

export const mayAdd = (a: RosterAccess): boolean => a.mode !== 'read';
export const mayChange = (entry: RosterEntry, a: RosterAccess): boolean => a.mode === 'all' || (a.mode === 'own' && entry.createdBy === a.userId);
export const kindsFor = (a: RosterAccess): readonly RosterKind[] => (a.mode === 'all' ? ['author', 'channel'] : ['author']);
export const sidesFor = (a: RosterAccess): readonly RosterSide[] => (a.mode === 'all' ? ['agency', 'in_house'] : ['agency']);

/** Authors first, then accounts and channels, each by match; a kind filter keeps one of them. */
export function rosterRows(entries: readonly RosterEntry[], kind: RosterKind | undefined): RosterEntry[] {
  return entries
    .filter((e) => !kind || e.kind === kind)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.match.localeCompare(b.match, undefined, { sensitivity: 'base' }) || (a.from ?? '').localeCompare(b.from ?? ''));
}

export type RosterValues = { kind: RosterKind; match: string; side: RosterSide; from: string; to: string; note: string };

export const entryToValues = (e: RosterEntry): RosterValues => ({ kind: e.kind, match: e.match, side: e.side, from: e.from ?? '', to: e.to ?? '', note: e.note ?? '' });

const blank = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** A new entry; blank dates and note are left out (open-ended, no note). */
export function toCreateRosterEntry(v: RosterValues): CreateRosterEntry {
  const out: CreateRosterEntry = { kind: v.kind, match: v.match, side: v.side };
  if (blank(v.from)) out.from = blank(v.from);
  if (blank(v.to)) out.to = blank(v.to);
  if (blank(v.note)) out.note = blank(v.note);
  return out;
}

/** Only what changed since the entry was read; a cleared date or note is sent as null. */
export function toUpdateRosterEntry(v: RosterValues, e: RosterEntry): UpdateRosterEntry {
  const next = { kind: v.kind, match: v.match.trim(), side: v.side, from: blank(v.from), to: blank(v.to), note: blank(v.note) };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (value !== e[key as keyof RosterEntry]) out[key] = value;
  return out as UpdateRosterEntry;
}
