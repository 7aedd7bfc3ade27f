import type { CreateExitItem, ExitItem, ExitItemKind, UpdateExitItem } from '@handover/shared';
import { blankToNull } from '../../../lib/form';

/** The checklist item form's values: text as typed, blanks for what is not set. */
export type ExitItemValues = { kind: ExitItemKind; name: string; channel: string; owner: string; dueDate: string; evidence: string; evidenceUrl: string };

export const EMPTY_EXIT_ITEM: ExitItemValues = { kind: 'social_account', name: '', channel: '', owner: '', dueDate: '', evidence: '', evidenceUrl: '' };

export const itemToValues = (i: ExitItem): ExitItemValues => ({
  kind: i.kind,
  name: i.name,
  channel: i.channel ?? '',
  owner: i.owner ?? '',
  dueDate: i.dueDate ?? '',
  evidence: i.evidence ?? '',
  evidenceUrl: i.evidenceUrl ?? '',
});

export const toCreateExitItem = (v: ExitItemValues): CreateExitItem => ({
  kind: v.kind,
  name: v.name,
  channel: blankToNull(v.channel),
  owner: blankToNull(v.owner),
  dueDate: blankToNull(v.dueDate),
  evidence: blankToNull(v.evidence),
  evidenceUrl: blankToNull(v.evidenceUrl),
});

/** Only what changed, so an edit never overwrites a field someone else saved meanwhile with the same old value. */
export function toUpdateExitItem(v: ExitItemValues, item: ExitItem): UpdateExitItem {
  const next = toCreateExitItem(v) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (value !== item[key as keyof ExitItem]) out[key] = value;
  return out as UpdateExitItem;
}
