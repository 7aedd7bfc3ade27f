/** A one-line reading of an activity entry's `changes`, e.g. `status: planned → done; weight: 3`. */
export function describeChanges(changes: Record<string, unknown>): string {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'string') return v.length > 60 ? `${v.slice(0, 57)}…` : v;
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
