import { DEFAULT_TARGETS, SnapshotSchema, type GateKey, type Snapshot, type SnapshotItems, type SnapshotSummary } from '@handover/shared';

// Hand-made snapshots for the pure snapshot and digest tests: every figure is set here, none computed.

export const PLAN_ID = '0190f0e1-0000-7000-8000-0000000000aa';
export const uuid = (n: number) => `0190f0e1-0000-7000-8000-${String(n).padStart(12, '0')}`;

const GATE_KEYS: GateKey[] = ['internal_network', 'skills_covered', 'posts_share', 'handovers_accepted', 'milestones_done'];

export function summary(overrides: {
  asOf?: string;
  score?: number;
  components?: Partial<SnapshotSummary['readiness']['components']>;
  met?: Partial<Record<GateKey, boolean>>;
  share?: number;
  forecast?: string | null;
  exitForecast?: SnapshotSummary['exitForecast'];
}): SnapshotSummary {
  const asOf = overrides.asOf ?? '2026-03-01';
  const components = { milestones: 0.5, skills: 0.5, posts: 0.5, handovers: 0.5, ...overrides.components };
  const gates = GATE_KEYS.map((key) => ({ key, met: overrides.met?.[key] ?? false, detail: `${key} detail` }));
  return {
    asOf,
    milestones: { total: 4, done: 2, overdue: 0, blocked: 0, progress: components.milestones },
    skills: { required: 4, gap: 2, closedShare: components.skills },
    posts: { window: { from: '2026-02-01', to: asOf, total: 100, inHouse: Math.round((overrides.share ?? 0.5) * 100), inHouseShare: overrides.share ?? 0.5 } },
    handovers: { total: 2, byStatus: { agency: 1, shadowing: 0, reverse_shadowing: 0, in_house: 0, accepted: 1 }, acceptedShare: components.handovers },
    adoption: { latestShare: 0.4, latestWeekStart: '2026-02-23' },
    readiness: { score: overrides.score ?? 0.5, components },
    gates,
    exitReady: gates.every((g) => g.met),
    forecast: { projectedExitDate: overrides.forecast ?? null, onTrack: null, intercept: null, slope: null, weeks: [] },
    ...(overrides.exitForecast ? { exitForecast: overrides.exitForecast } : {}),
  };
}

export function snapshot(overrides: Partial<Omit<Snapshot, 'items'>> & { items?: Partial<SnapshotItems> } = {}): Snapshot {
  const { items, ...rest } = overrides;
  return SnapshotSchema.parse({
    id: uuid(100),
    planId: PLAN_ID,
    kind: 'weekly',
    weekStart: '2026-02-23',
    takenAt: '2026-03-02T06:00:00.000Z',
    rag: null,
    note: null,
    summary: summary({}),
    targets: DEFAULT_TARGETS,
    approximate: false,
    version: 1,
    ...rest,
    items: { milestones: [], handovers: [], exitItems: [], ...items },
  });
}
