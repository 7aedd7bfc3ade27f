import { DEFAULT_TARGETS } from '@handover/shared';
import { computeSummary, type SummaryInputs } from '../../api/src/modules/summary/readiness';
import { shareWeeks } from '../support/share-weeks';

// Pure tests of the summary rules (docs/domain.md: readiness, gates, forecast) on hand-computed data. asOf is Wednesday 2026-03-25,
// so the current week starts Monday 2026-03-23 and the 8 complete weeks run 2026-01-26 .. 2026-03-16.
const asOf = '2026-03-25';
const currentMonday = '2026-03-23';

const weeks = (shares: Array<number | null>) => shareWeeks(currentMonday, shares);

function inputs(overrides: Partial<SummaryInputs> = {}): SummaryInputs {
  return {
    asOf,
    targets: DEFAULT_TARGETS,
    targetExitDate: '2026-06-01',
    milestones: [],
    coverage: { items: [], totals: { required: 0, gap: 0, closedShare: 1 } },
    window: { total: 0, inHouse: 0 },
    handovers: [],
    exitItems: [],
    adoptionSamples: [],
    planStart: '2025-10-01',
    completeWeeks: weeks([null, null, null, null, null, null, null, null]),
    currentMonday,
    ...overrides,
  };
}

const gate = (s: ReturnType<typeof computeSummary>, key: string) => s.gates.find((g) => g.key === key)!;

describe('milestones', () => {
  test('When there are no milestones, then progress is 0 and the gate is not met', () => {
    const s = computeSummary(inputs());
    expect(s.milestones).toEqual({ total: 0, done: 0, overdue: 0, blocked: 0, progress: 0 });
    expect(gate(s, 'milestones_done').met).toBe(false);
  });

  test('When milestones have weights, then progress is the done weight over all weight and overdue is due before asOf and not done', () => {
    const s = computeSummary(
      inputs({
        milestones: [
          { status: 'done', dueDate: '2026-02-01', weight: 3, completedAt: null },
          { status: 'done', dueDate: '2026-04-01', weight: 1, completedAt: null },
          { status: 'blocked', dueDate: '2026-03-01', weight: 4, completedAt: null },
          { status: 'planned', dueDate: '2026-03-25', weight: 2, completedAt: null }, // due on asOf: not overdue
        ],
      }),
    );
    expect(s.milestones).toEqual({ total: 4, done: 2, overdue: 1, blocked: 1, progress: 0.4 });
    expect(s.readiness.components.milestones).toBe(0.4);
    expect(gate(s, 'milestones_done').met).toBe(false);
  });

  test('When every milestone is done, then the gate is met', () => {
    const s = computeSummary(inputs({ milestones: [{ status: 'done', dueDate: '2026-01-01', weight: 1, completedAt: null }] }));
    expect(s.milestones.progress).toBe(1);
    expect(gate(s, 'milestones_done').met).toBe(true);
  });
});

describe('posts window and readiness', () => {
  test('When there are no posts, then the window share and the posts component are 0', () => {
    const s = computeSummary(inputs());
    expect(s.posts.window).toEqual({ from: '2026-02-25', to: '2026-03-25', total: 0, inHouse: 0, inHouseShare: 0 });
    expect(s.readiness.components.posts).toBe(0);
  });

  test('When the window share is below, at and above target, then posts = min(1, share/target)', () => {
    expect(computeSummary(inputs({ window: { total: 20, inHouse: 9 } })).readiness.components.posts).toBeCloseTo(0.5, 12);
    expect(computeSummary(inputs({ window: { total: 10, inHouse: 9 } })).readiness.components.posts).toBeCloseTo(1, 12);
    expect(computeSummary(inputs({ window: { total: 10, inHouse: 10 } })).readiness.components.posts).toBe(1);
  });

  test('When components are known, then the score is their mean', () => {
    const s = computeSummary(
      inputs({
        milestones: [
          { status: 'done', dueDate: '2026-01-01', weight: 1, completedAt: null },
          { status: 'planned', dueDate: '2026-06-01', weight: 1, completedAt: null },
        ],
        coverage: { items: [], totals: { required: 4, gap: 1, closedShare: 0.75 } },
        window: { total: 20, inHouse: 9 }, // share 0.45 -> 0.5 of target
        handovers: [
          { status: 'accepted', targetDate: null },
          ...Array.from({ length: 3 }, () => ({ status: 'shadowing' as const, targetDate: null })),
        ],
      }),
    );
    expect(s.readiness.components).toEqual({ milestones: 0.5, skills: 0.75, posts: 0.5, handovers: 0.25 });
    expect(s.readiness.score).toBeCloseTo((0.5 + 0.75 + 0.5 + 0.25) / 4, 12);
  });
});

describe('handovers', () => {
  test('When there are none, then acceptedShare is 0, every step counts 0, and the gate is not met', () => {
    const s = computeSummary(inputs());
    expect(s.handovers).toEqual({
      total: 0,
      byStatus: { agency: 0, shadowing: 0, reverse_shadowing: 0, in_house: 0, accepted: 0 },
      acceptedShare: 0,
    });
    expect(gate(s, 'handovers_accepted').met).toBe(false);
  });

  test('When all are accepted, then the gate is met', () => {
    const s = computeSummary(inputs({ handovers: [{ status: 'accepted', targetDate: null }, { status: 'accepted', targetDate: null }] }));
    expect(s.handovers.acceptedShare).toBe(1);
    expect(gate(s, 'handovers_accepted')).toEqual({ key: 'handovers_accepted', met: true, detail: '2 of 2 handovers accepted.' });
  });
});

describe('exit items', () => {
  test('When there are none, then every step counts 0, verifiedShare is 0 and the gate is not met', () => {
    const s = computeSummary(inputs());
    expect(s.exitItems).toEqual({
      total: 0,
      byStatus: { listed: 0, access_shared: 0, ownership_transferred: 0, agency_removed: 0, verified: 0 },
      verifiedShare: 0,
    });
    expect(gate(s, 'exit_items_verified')).toEqual({ key: 'exit_items_verified', met: false, detail: 'No exit items listed.' });
  });

  test('When one of two is verified, then the gate is not met; when both are, it is; readiness keeps its four components', () => {
    const half = computeSummary(inputs({ exitItems: [{ status: 'verified', dueDate: null }, { status: 'agency_removed', dueDate: null }] }));
    expect(half.exitItems).toMatchObject({ total: 2, verifiedShare: 0.5, byStatus: expect.objectContaining({ verified: 1, agency_removed: 1 }) });
    expect(gate(half, 'exit_items_verified')).toEqual({ key: 'exit_items_verified', met: false, detail: '1 of 2 exit items verified.' });
    const all = computeSummary(inputs({ exitItems: [{ status: 'verified', dueDate: null }, { status: 'verified', dueDate: '2026-01-01' }] }));
    expect(gate(all, 'exit_items_verified')).toEqual({ key: 'exit_items_verified', met: true, detail: '2 of 2 exit items verified.' });
    expect(Object.keys(all.readiness.components)).toEqual(['milestones', 'skills', 'posts', 'handovers']);
    expect(all.readiness.score).toBe(half.readiness.score);
  });
});

describe('skills and adoption gates', () => {
  test('When there are no skills, then closedShare is 1 and the skills gate is met', () => {
    const s = computeSummary(inputs());
    expect(s.skills).toEqual({ required: 0, gap: 0, closedShare: 1 });
    expect(gate(s, 'skills_covered').met).toBe(true);
  });

  test('When only a non-critical skill has a gap, then the gate is met; a critical gap fails it and is named', () => {
    const item = { skillId: 'x', name: 'Video', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 1, gap: 1, critical: false };
    const coverage = { items: [item], totals: { required: 2, gap: 1, closedShare: 0.5 } };
    expect(gate(computeSummary(inputs({ coverage })), 'skills_covered').met).toBe(true);
    const critical = computeSummary(inputs({ coverage: { ...coverage, items: [{ ...item, critical: true }] } }));
    expect(gate(critical, 'skills_covered')).toMatchObject({ met: false, detail: expect.stringContaining('Video (1 of 2)') });
  });

  test('When there is no adoption sample, then latestShare is null and the gate fails; at target it passes', () => {
    const none = computeSummary(inputs());
    expect(none.adoption).toEqual({ latestShare: null, latestWeekStart: null });
    expect(gate(none, 'internal_network').met).toBe(false);
    const at = computeSummary(inputs({ adoptionSamples: [{ weekStart: '2026-03-16', share: 0.6 }] }));
    expect(gate(at, 'internal_network').met).toBe(true);
    const below = computeSummary(inputs({ adoptionSamples: [{ weekStart: '2026-03-16', share: 0.59 }] }));
    expect(gate(below, 'internal_network').met).toBe(false);
  });
});

describe('posts_share gate and forecast', () => {
  test('When the share rises 0.1 a week from 0.1, then the line is y = 0.1 + 0.1x and the target 0.9 is reached at x = 8: this week', () => {
    const s = computeSummary(inputs({ completeWeeks: weeks([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) }));
    expect(s.forecast.slope).toBeCloseTo(0.1, 12);
    expect(s.forecast.intercept).toBeCloseTo(0.1, 12);
    expect(gate(s, 'posts_share').met).toBe(false);
    expect(s.forecast.projectedExitDate).toBe('2026-03-23');
    expect(s.forecast.onTrack).toBe(true);
    expect(s.forecast.weeks.map((w) => w.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(s.forecast.weeks[0]!.weekStart).toBe('2026-01-26');
  });

  test('When the trend is slower, then the first whole x reaching the target gives the Monday', () => {
    // y = 0,0,0,0,.2,.2,.4,.4: slope 2.8/42, intercept 0.15 - 3.5*slope = -1/12; (0.9 + 1/12)/(1/15) = 14.75 -> x = 15.
    const s = computeSummary(inputs({ completeWeeks: weeks([0, 0, 0, 0, 0.2, 0.2, 0.4, 0.4]), targetExitDate: '2026-05-04' }));
    expect(s.forecast.slope).toBeCloseTo(1 / 15, 12);
    expect(s.forecast.intercept).toBeCloseTo(-1 / 12, 12);
    expect(s.forecast.projectedExitDate).toBe('2026-05-11'); // 2026-03-23 + 7 weeks
    expect(s.forecast.onTrack).toBe(false);
  });

  test('When the trend is flat or falling and the gate is not met, then there is no projection', () => {
    const flat = computeSummary(inputs({ completeWeeks: weeks([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]) }));
    expect(flat.forecast.slope).toBe(0);
    expect(flat.forecast).toMatchObject({ projectedExitDate: null, onTrack: null });
    const falling = computeSummary(inputs({ completeWeeks: weeks([0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]) }));
    expect(falling.forecast.slope).toBeLessThan(0);
    expect(falling.forecast).toMatchObject({ projectedExitDate: null, onTrack: null });
    const none = computeSummary(inputs());
    expect(none.forecast).toMatchObject({ projectedExitDate: null, onTrack: null, slope: 0 });
  });

  test('When the target is already sustained for sustainWeeks complete weeks, then the gate is met and the exit is this Monday even on a falling trend', () => {
    const s = computeSummary(inputs({ completeWeeks: weeks([1, 1, 1, 1, 0.98, 0.95, 0.93, 0.91]) }));
    expect(s.forecast.slope).toBeLessThan(0);
    expect(gate(s, 'posts_share').met).toBe(true);
    expect(s.forecast.projectedExitDate).toBe(currentMonday);
    expect(s.forecast.onTrack).toBe(true);
  });

  test('When one of the last sustainWeeks weeks has no posts, then the gate fails', () => {
    const s = computeSummary(inputs({ completeWeeks: weeks([0.9, 0.9, 0.9, 0.9, 0.95, null, 0.95, 0.95]) }));
    expect(gate(s, 'posts_share').met).toBe(false);
    expect(gate(s, 'posts_share').detail).toContain('2026-03-02 no posts');
  });

  test('When a week just below target sits among the last sustainWeeks, then the gate fails; older weeks do not count', () => {
    const older = computeSummary(inputs({ completeWeeks: weeks([0, 0, 0, 0, 0.9, 0.9, 0.9, 0.9]) }));
    expect(gate(older, 'posts_share').met).toBe(true);
    const below = computeSummary(inputs({ completeWeeks: weeks([0.9, 0.9, 0.9, 0.9, 0.9, 0.89, 0.9, 0.9]) }));
    expect(gate(below, 'posts_share').met).toBe(false);
  });

  test('When sustainWeeks is longer than 8, then the gate looks back that many weeks and the fit still uses the last 8', () => {
    const targets = { ...DEFAULT_TARGETS, sustainWeeks: 10 };
    const s = computeSummary(inputs({ targets, completeWeeks: weeks([0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]) }));
    expect(gate(s, 'posts_share').met).toBe(false);
    expect(s.forecast.weeks).toHaveLength(8);
    expect(s.forecast.weeks[0]!.weekStart).toBe('2026-01-26');
  });

  test('When every gate is met, then exitReady is true', () => {
    const s = computeSummary(
      inputs({
        milestones: [{ status: 'done', dueDate: '2026-01-01', weight: 1, completedAt: null }],
        handovers: [{ status: 'accepted', targetDate: null }],
        exitItems: [{ status: 'verified', dueDate: null }],
        adoptionSamples: [{ weekStart: '2026-03-16', share: 0.7 }],
        completeWeeks: weeks([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]),
      }),
    );
    expect(s.gates.map((g) => g.met)).toEqual([true, true, true, true, true, true]);
    expect(s.gates.map((g) => g.key)).toEqual([
      'internal_network',
      'skills_covered',
      'posts_share',
      'handovers_accepted',
      'milestones_done',
      'exit_items_verified',
    ]);
    expect(s.exitReady).toBe(true);
  });
});
