import { DEFAULT_TARGETS, addDays } from '@handover/shared';
import { computeSummary, type SummaryInputs } from '../../api/src/modules/summary/readiness';
import { shareWeeks } from '../support/share-weeks';

// Hand-computed cases of the whole-plan exit forecast (docs/domain.md#exit-forecast).
// asOf is Wednesday 2026-03-25: the current week starts Monday 2026-03-23; the 8 complete weeks
// before it run 2026-01-26 .. 2026-03-16, so completions from 2026-01-26T00:00Z up to
// 2026-03-23T00:00Z count towards the milestones' pace.
const asOf = '2026-03-25';
const currentMonday = '2026-03-23';

const weeks = (shares: Array<number | null>) => shareWeeks(currentMonday, shares);

const doneMs = (completedAt: string, weight: number) => ({ status: 'done', dueDate: completedAt.slice(0, 10), weight, completedAt });
const openMs = (dueDate: string, weight: number, status = 'in_progress') => ({ status, dueDate, weight, completedAt: null });

/** A plan where every gate but the ones a test opens is met. */
function inputs(overrides: Partial<SummaryInputs> = {}): SummaryInputs {
  return {
    asOf,
    targets: DEFAULT_TARGETS,
    targetExitDate: '2026-06-01',
    planStart: '2025-10-01',
    milestones: [doneMs('2026-03-02T10:00:00.000Z', 1)],
    coverage: { items: [], totals: { required: 0, gap: 0, closedShare: 1 } },
    window: { total: 100, inHouse: 95 },
    handovers: [{ status: 'accepted', targetDate: null }],
    exitItems: [{ status: 'verified', dueDate: null }],
    adoptionSamples: [{ weekStart: '2026-03-16', share: 0.7 }],
    completeWeeks: weeks([0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95]),
    currentMonday,
    ...overrides,
  };
}

const exit = (overrides: Partial<SummaryInputs>) => computeSummary(inputs(overrides)).exitForecast;

describe('exit forecast', () => {
  test('When every gate is met, then the exit is asOf with nothing limiting it', () => {
    const s = computeSummary(inputs());
    expect(s.exitReady).toBe(true);
    expect(s.exitForecast).toEqual({
      projectedExitDate: asOf,
      onTrack: true,
      limitedBy: null,
      components: {
        internal_network: asOf,
        skills_covered: asOf,
        posts_share: asOf,
        handovers_accepted: asOf,
        milestones_done: asOf,
        exit_items_verified: asOf,
      },
      undatedGates: [],
    });
  });

  test('When the share projection is early but the milestones run late, then the milestones set the exit date and it is not on track', () => {
    const s = computeSummary(
      inputs({
        targetExitDate: '2026-05-15',
        // y = 0.1 + 0.1x reaches 0.9 at x = 8: this week (2026-03-23); the gate then needs 4 weeks: 2026-04-20.
        completeWeeks: weeks([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),
        // Done weight 4 in the last 8 complete weeks: 0.5 a week. Open weight 5: ceil(5 / 0.5) = 10 weeks
        // after 2026-03-23 = 2026-06-01, later than the latest open due date 2026-05-01.
        milestones: [
          doneMs('2026-02-10T09:00:00.000Z', 2),
          doneMs('2026-03-10T09:00:00.000Z', 2),
          doneMs('2026-01-20T09:00:00.000Z', 5), // before the window: not part of the pace
          openMs('2026-04-15', 3),
          openMs('2026-05-01', 2, 'planned'),
        ],
        handovers: [
          { status: 'accepted', targetDate: null },
          { status: 'in_house', targetDate: '2026-04-30' },
        ],
      }),
    );
    expect(s.forecast).toMatchObject({ projectedExitDate: '2026-03-23', onTrack: true });
    expect(s.exitForecast).toEqual({
      projectedExitDate: '2026-06-01',
      onTrack: false,
      limitedBy: 'milestones_done',
      components: {
        internal_network: asOf,
        skills_covered: asOf,
        posts_share: '2026-04-20',
        handovers_accepted: '2026-04-30',
        milestones_done: '2026-06-01',
        exit_items_verified: asOf,
      },
      undatedGates: [],
    });
  });

  test('When milestones are overdue and none was done recently, then no date can be given for them and the exit has no projection', () => {
    const f = exit({ milestones: [doneMs('2025-12-01T09:00:00.000Z', 3), openMs('2026-03-01', 2), openMs('2026-04-10', 1)] });
    expect(f.components.milestones_done).toBeNull();
    expect(f).toMatchObject({ projectedExitDate: null, onTrack: null, limitedBy: null, undatedGates: ['milestones_done'] });
  });

  test('When milestones are overdue but work is being done, then the pace dates them', () => {
    // Done weight 8 in 8 weeks: 1 a week. Open weight 4 (overdue since 2026-03-01): 4 weeks → 2026-04-20.
    const f = exit({ milestones: [doneMs('2026-03-02T09:00:00.000Z', 8), openMs('2026-03-01', 4)] });
    expect(f.components.milestones_done).toBe('2026-04-20');
    expect(f).toMatchObject({ projectedExitDate: '2026-04-20', onTrack: true, limitedBy: 'milestones_done', undatedGates: [] });
  });

  test('When nothing was done recently and nothing is overdue, then the latest due date is the milestones date', () => {
    const f = exit({ milestones: [doneMs('2025-11-01T09:00:00.000Z', 1), openMs('2026-04-10', 1), openMs('2026-05-20', 1)] });
    expect(f.components.milestones_done).toBe('2026-05-20');
  });

  test('When the plan started fewer than 8 weeks ago, then the pace is taken over the weeks since it started', () => {
    // Started 2026-03-02: 3 complete weeks. Done weight 3 in them: 1 a week. Open weight 2: 2 weeks → 2026-04-06,
    // later than the due date 2026-03-30.
    const f = exit({
      planStart: '2026-03-02',
      milestones: [doneMs('2026-03-10T09:00:00.000Z', 3), openMs('2026-03-30', 2)],
    });
    expect(f.components.milestones_done).toBe('2026-04-06');
  });

  test('When a completion falls exactly on the current Monday, then it is not part of the complete weeks', () => {
    const f = exit({ milestones: [doneMs('2026-03-23T00:00:00.000Z', 4), openMs('2026-04-10', 1)] });
    expect(f.components.milestones_done).toBe('2026-04-10');
  });

  test('When adoption rises 0.1 a week from 0.3, then the target 0.9 is reached 6 weeks after the first sample', () => {
    const targets = { ...DEFAULT_TARGETS, internalAdoption: 0.9 };
    const adoptionSamples = [
      { weekStart: '2026-02-23', share: 0.3 },
      { weekStart: '2026-03-02', share: 0.4 },
      { weekStart: '2026-03-09', share: 0.5 },
    ];
    expect(exit({ targets, adoptionSamples }).components.internal_network).toBe('2026-04-06');
  });

  test('When the adoption line reaches the target before this week, then the date is this Monday', () => {
    const adoptionSamples = [
      { weekStart: '2026-02-23', share: 0.3 },
      { weekStart: '2026-03-02', share: 0.4 },
      { weekStart: '2026-03-09', share: 0.55 },
    ];
    // Line 0.29 + 0.125x; target 0.6 at x = 2.48 → 3, but this week is x = 4.
    expect(exit({ adoptionSamples }).components.internal_network).toBe(currentMonday);
  });

  test('When adoption has one sample, or a flat or falling line, then it has no date', () => {
    expect(exit({ adoptionSamples: [{ weekStart: '2026-03-16', share: 0.4 }] })).toMatchObject({
      components: expect.objectContaining({ internal_network: null }),
      undatedGates: ['internal_network'],
      projectedExitDate: null,
    });
    const falling = [
      { weekStart: '2026-03-09', share: 0.5 },
      { weekStart: '2026-03-16', share: 0.4 },
    ];
    expect(exit({ adoptionSamples: falling }).components.internal_network).toBeNull();
    expect(exit({ adoptionSamples: [] }).components.internal_network).toBeNull();
  });

  test('When an open handover has no target date, or there are no handovers, then handovers have no date', () => {
    const missing = exit({ handovers: [{ status: 'shadowing', targetDate: '2026-04-01' }, { status: 'agency', targetDate: null }] });
    expect(missing.components.handovers_accepted).toBeNull();
    expect(missing.undatedGates).toEqual(['handovers_accepted']);
    expect(exit({ handovers: [] }).undatedGates).toEqual(['handovers_accepted']);
    const dated = exit({ handovers: [{ status: 'shadowing', targetDate: '2026-04-01' }, { status: 'in_house', targetDate: '2026-05-02' }] });
    expect(dated).toMatchObject({ projectedExitDate: '2026-05-02', limitedBy: 'handovers_accepted' });
  });

  test('When exit items are open, then their date is the latest due date of the unverified ones; an undated one, or none at all, leaves no date', () => {
    const dated = exit({
      exitItems: [
        { status: 'verified', dueDate: '2026-12-31' }, // verified: its date no longer counts
        { status: 'agency_removed', dueDate: '2026-04-10' },
        { status: 'listed', dueDate: '2026-05-08' },
      ],
    });
    expect(dated).toMatchObject({ projectedExitDate: '2026-05-08', limitedBy: 'exit_items_verified', undatedGates: [] });
    expect(dated.components.exit_items_verified).toBe('2026-05-08');
    const undated = exit({ exitItems: [{ status: 'listed', dueDate: '2026-04-10' }, { status: 'access_shared', dueDate: null }] });
    expect(undated.components.exit_items_verified).toBeNull();
    expect(undated).toMatchObject({ projectedExitDate: null, undatedGates: ['exit_items_verified'] });
    expect(exit({ exitItems: [] })).toMatchObject({ projectedExitDate: null, undatedGates: ['exit_items_verified'] });
    // A verified item without a due date is met: the gate's date is asOf.
    expect(exit({ exitItems: [{ status: 'verified', dueDate: null }] }).components.exit_items_verified).toBe(asOf);
  });

  test('When a critical skill is short, then skills have no date and are listed as undated', () => {
    const item = { skillId: 'x', name: 'Crisis response', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 1, gap: 1, critical: true };
    const f = exit({ coverage: { items: [item], totals: { required: 2, gap: 1, closedShare: 0.5 } } });
    expect(f).toMatchObject({ projectedExitDate: null, onTrack: null, limitedBy: null, undatedGates: ['skills_covered'] });
    expect(f.components.skills_covered).toBeNull();
  });

  test('When the share is flat below target, then posts have no date', () => {
    const f = exit({ completeWeeks: weeks([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]) });
    expect(f.components.posts_share).toBeNull();
    expect(f.undatedGates).toEqual(['posts_share']);
  });

  test('When weeks without posts sit among the last eight, then they are left out of the fit rather than counted as 0%', () => {
    // x = 1, 3, 5, 7 with 0.2, 0.4, 0.6, 0.8: y = 0.1 + 0.1x, reaching 0.9 at x = 8 (this week); +4 weeks.
    const s = computeSummary(inputs({ completeWeeks: weeks([null, 0.2, null, 0.4, null, 0.6, null, 0.8]) }));
    expect(s.forecast.slope).toBeCloseTo(0.1, 12);
    expect(s.forecast.intercept).toBeCloseTo(0.1, 12);
    expect(s.forecast.projectedExitDate).toBe(currentMonday);
    expect(s.exitForecast.components.posts_share).toBe('2026-04-20');
  });

  test('When the latest date is more than 104 weeks ahead, then there is no projection', () => {
    const far = exit({ handovers: [{ status: 'agency', targetDate: addDays(asOf, 7 * 104 + 1) }] });
    expect(far).toMatchObject({ projectedExitDate: null, onTrack: null, undatedGates: [] });
    const edge = exit({ handovers: [{ status: 'agency', targetDate: addDays(asOf, 7 * 104) }] });
    expect(edge.projectedExitDate).toBe(addDays(asOf, 7 * 104));
  });

  test('When two gates share the latest date, then the first in gate order limits the exit', () => {
    const f = exit({
      handovers: [{ status: 'in_house', targetDate: '2026-04-20' }],
      completeWeeks: weeks([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),
    });
    expect(f.components).toMatchObject({ posts_share: '2026-04-20', handovers_accepted: '2026-04-20' });
    expect(f.limitedBy).toBe('posts_share');
  });
});
