import { PHASE_LABELS, type Milestone } from '@handover/shared';
import { formatDate, humanize } from '../../../lib/format';
import { milestoneToValues, toUpdateMilestone, type MilestoneFormValues } from './milestones';

type Field = keyof MilestoneFormValues;

const FIELDS: { key: Field; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'dueDate', label: 'Due date' },
  { key: 'owner', label: 'Owner' },
  { key: 'phase', label: 'Phase' },
  { key: 'weight', label: 'Weight' },
  { key: 'description', label: 'Description' },
  { key: 'dependsOn', label: 'Depends on' },
];

/** One field as people read it: a label, a date, the titles of the milestones depended on. */
function show(key: Field, values: MilestoneFormValues, titleOf: (id: string) => string): string {
  const v = values[key];
  if (key === 'dependsOn') return values.dependsOn.length ? values.dependsOn.map(titleOf).join(', ') : 'nothing';
  if (typeof v !== 'string' || v.trim() === '') return '—';
  if (key === 'status') return humanize(v);
  if (key === 'dueDate') return formatDate(v);
  if (key === 'phase') return PHASE_LABELS[values.phase];
  return v;
}

export type ConflictRow = { key: Field; label: string; theirs: string; yours: string | null; both: boolean };

/**
 * What happened to each field since the user opened the form: what the other person saved
 * (`theirs`, the current value) and what the user typed (`yours`, null when untouched). Only fields
 * that one of them changed are listed.
 */
export function conflictRows(base: Milestone, current: Milestone, mine: MilestoneFormValues, titleOf: (id: string) => string): ConflictRow[] {
  const theirChanges = new Set(Object.keys(toUpdateMilestone(milestoneToValues(current), base)));
  const myChanges = new Set(Object.keys(toUpdateMilestone(mine, base)));
  const now = milestoneToValues(current);
  return FIELDS.filter((f) => theirChanges.has(f.key) || myChanges.has(f.key)).map((f) => ({
    key: f.key,
    label: f.label,
    theirs: show(f.key, now, titleOf),
    yours: myChanges.has(f.key) ? show(f.key, mine, titleOf) : null,
    both: theirChanges.has(f.key) && myChanges.has(f.key),
  }));
}

/**
 * The user's edits re-applied on top of the version now saved: the fields the user changed keep
 * the user's values, every other field takes the current one. Saving it against the current
 * version then sends only the user's changes.
 */
export function rebase(base: Milestone, current: Milestone, mine: MilestoneFormValues): MilestoneFormValues {
  const next = milestoneToValues(current);
  const changed = Object.keys(toUpdateMilestone(mine, base)) as Field[];
  for (const key of changed) (next as Record<Field, unknown>)[key] = mine[key];
  return next;
}
