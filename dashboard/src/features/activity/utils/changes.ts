import type { Activity } from '@handover/shared';
import { readableDates } from '../../../lib/format';

/** A one-line reading of an activity entry's `changes`, e.g. `status: planned → done; weight: 3`. */
export function describeChanges(changes: Record<string, unknown>): string {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'string') return readableDates(v.length > 60 ? `${v.slice(0, 57)}…` : v);
    if (Array.isArray(v)) return v.length ? `[${v.length}]` : '[]';
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('from' in o && 'to' in o) return `${show(o.from)} → ${show(o.to)}`;
      return JSON.stringify(v).slice(0, 60);
    }
    return String(v);
  };
  return Object.entries(changes)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('; ');
}

export const ENTITIES = ['plan', 'member', 'milestone', 'person', 'skill', 'assessment', 'handover', 'post', 'adoption'] as const;

/** The name an entry's `changes` carry for its record: a created or deleted one's title, an edit's new title. */
function nameInChanges(changes: Record<string, unknown>): string | null {
  for (const key of ['title', 'name']) {
    const v = changes[key];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && 'to' in v && typeof (v as { to: unknown }).to === 'string') return (v as { to: string }).to;
  }
  return null;
}

/**
 * Which record an entry is about, as people know it: the name its changes carry, else the current
 * name of the record with that id (`names`), else nothing (a record since deleted, with no name logged).
 */
export function entryName(entry: Pick<Activity, 'entityId' | 'changes'>, names: ReadonlyMap<string, string>): string | null {
  return nameInChanges(entry.changes) ?? (entry.entityId ? (names.get(entry.entityId) ?? null) : null);
}
