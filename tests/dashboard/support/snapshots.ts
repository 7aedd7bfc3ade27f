import type { SnapshotComparison, SnapshotListItem } from '@handover/shared';
import { PLAN, aSummary } from './fixtures';

const TARGETS = { inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 };

/** A snapshot as the list returns it (without items); `n` makes its id unique. */
export const aSnapshot = (n: number, over: Partial<SnapshotListItem> = {}): SnapshotListItem => ({
  id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  planId: PLAN,
  kind: 'weekly',
  weekStart: '2026-11-16',
  takenAt: '2026-11-23T06:00:00.000Z',
  rag: null,
  note: null,
  summary: aSummary(),
  targets: TARGETS,
  approximate: false,
  version: 1,
  ...over,
});

/** A full snapshot (the POST and PATCH answers carry items). */
export const withItems = (s: SnapshotListItem) => ({ ...s, items: { milestones: [], handovers: [], exitItems: [] } });

const change = (from: number, to: number) => ({ from, to, delta: to - from });

/** A comparison with one of each kind of change. */
export const aComparison = (over: Partial<SnapshotComparison> = {}): SnapshotComparison => ({
  readiness: {
    ...change(0.5, 0.64),
    components: { milestones: change(0.5, 0.6), skills: change(0.9, 0.95), posts: change(0.8, 0.89), handovers: change(0.1, 0.2) },
  },
  gatesChanged: [{ key: 'skills_covered', from: false, to: true }],
  milestonesCompleted: [{ id: '00000000-0000-4000-8000-0000000000a1', title: 'Launch Slack', completedAt: '2026-11-20T10:00:00.000Z' }],
  milestonesSlipped: [{ id: '00000000-0000-4000-8000-0000000000a2', title: 'Brand book', dueFrom: '2026-12-01', dueTo: '2026-12-15' }],
  handoversMoved: [{ id: '00000000-0000-4000-8000-0000000000a3', title: 'Weekly newsletter', from: 'shadowing', to: 'reverse_shadowing' }],
  exitItemsMoved: [{ id: '00000000-0000-4000-8000-0000000000a4', name: 'Meta ad account', from: 'access_shared', to: 'ownership_transferred' }],
  share: { from: 0.7, to: 0.8 },
  forecast: { from: '2026-12-07', to: '2026-12-14' },
  exitForecast: { from: '2027-03-01', to: '2027-03-15' },
  ...over,
});
