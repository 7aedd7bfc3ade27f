import type { Milestone, Summary } from '@handover/shared';
import {
  adoptionRows,
  coverageRows,
  ladderRows,
  orderedGates,
  overdueMilestones,
  phaseProgress,
  postsSeries,
  shareWindowStart,
  timelineMarks,
} from '../../dashboard/src/features/overview/utils/series';
import { aMilestone } from './support/fixtures';

const milestone = (over: Partial<Milestone>): Milestone => aMilestone({ id: crypto.randomUUID(), title: 'm', ...over });

const forecast = (over: Partial<Summary['forecast']> = {}): Summary['forecast'] => ({
  projectedExitDate: null,
  onTrack: null,
  intercept: null,
  slope: null,
  weeks: [],
  ...over,
});

describe('postsSeries', () => {
  const points = [
    { periodStart: '2026-01-05', agency: 8, inHouse: 2, coAuthored: 0, total: 10, inHouseShare: 0.2 },
    { periodStart: '2026-01-12', agency: 0, inHouse: 0, coAuthored: 0, total: 0, inHouseShare: 0 },
    { periodStart: '2026-01-19', agency: 5, inHouse: 4, coAuthored: 1, total: 10, inHouseShare: 0.4 },
  ];

  it('When a week has no posts, then its share is null rather than 0, so the line breaks there', () => {
    const rows = postsSeries(points, forecast(), 0.9, '2026-01-19');
    expect(rows.map((r) => r.share)).toEqual([0.2, null, 0.4]);
    expect(rows.map((r) => r.target)).toEqual([0.9, 0.9, 0.9]);
    expect(rows.every((r) => r.forecast === null)).toBe(true);
  });

  it('When there is a fitted trend, then the forecast follows intercept + slope·x from week x = 0 and runs on until it meets the target', () => {
    const weeks = [0, 1, 2].map((x) => ({ x, weekStart: ['2026-01-05', '2026-01-12', '2026-01-19'][x]!, inHouseShare: 0, total: 0 }));
    const rows = postsSeries(points, forecast({ intercept: 0.2, slope: 0.1, weeks, projectedExitDate: '2026-02-23' }), 0.9, '2026-01-19');
    expect(rows.slice(0, 3).map((r) => r.forecast)).toEqual([0.2, expect.closeTo(0.3, 10), expect.closeTo(0.4, 10)]);
    const future = rows.slice(3);
    expect(future[0]).toMatchObject({ weekStart: '2026-01-26', agency: null, share: null });
    expect(future[future.length - 1]!.weekStart).toBe('2026-02-23');
    expect(future[future.length - 1]!.forecast).toBeCloseTo(0.9);
  });

  it('When the trend never reaches the target, then the future is capped and shares stay within 0..1', () => {
    const weeks = [{ x: 0, weekStart: '2026-01-05', inHouseShare: 0, total: 0 }];
    const rows = postsSeries(points, forecast({ intercept: 0.5, slope: -0.2, weeks }), 0.9, '2030-01-01', 10);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.forecast === null || (r.forecast >= 0 && r.forecast <= 1))).toBe(true);
  });
});

describe('phaseProgress and overdueMilestones', () => {
  const items = [
    milestone({ phase: 'internal_network', status: 'done', weight: 3 }),
    milestone({ phase: 'internal_network', status: 'planned', weight: 1, dueDate: '2026-02-01', title: 'late' }),
    milestone({ phase: 'outward_presence', status: 'blocked', dueDate: '2026-01-01', title: 'later' }),
    milestone({ phase: 'agency_exit', status: 'done', dueDate: '2026-01-01' }),
  ];

  it('When milestones are grouped by phase, then every phase is present with counts per status and the weighted progress', () => {
    const rows = phaseProgress(items);
    expect(rows.map((r) => r.phase)).toEqual(['internal_network', 'outward_presence', 'agency_exit']);
    expect(rows[0]).toMatchObject({ total: 2, done: 1, planned: 1, progress: 0.75 });
    expect(rows[1]).toMatchObject({ total: 1, blocked: 1, progress: 0 });
    expect(rows[2]).toMatchObject({ total: 1, done: 1, progress: 1 });
  });

  it('When some are due before asOf and not done, then they are overdue, the most late first', () => {
    const overdue = overdueMilestones(items, '2026-02-10');
    expect(overdue.map((m) => [m.title, m.daysLate])).toEqual([
      ['later', 40],
      ['late', 9],
    ]);
  });
});

describe('the other overview shapes', () => {
  it('When byStatus misses steps, then the ladder still lists all five steps in order with zeros', () => {
    expect(ladderRows({ shadowing: 2, accepted: 1 }).map((r) => [r.status, r.count])).toEqual([
      ['agency', 0],
      ['shadowing', 2],
      ['reverse_shadowing', 0],
      ['in_house', 0],
      ['accepted', 1],
    ]);
  });

  it('When coverage is shaped, then critical skills come first and qualified never exceeds required', () => {
    const rows = coverageRows([
      { skillId: 'a', name: 'Copy', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 5, gap: 0, critical: false },
      { skillId: 'b', name: 'Crisis', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 1, gap: 1, critical: true },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Crisis (critical)', 'Copy']);
    expect(rows[1]).toMatchObject({ qualified: 2, gap: 0, required: 2 });
  });

  it('When adoption samples arrive unordered, then the trend is by week', () => {
    const sample = (weekStart: string, share: number) => ({
      planId: 'p',
      weekStart,
      activeUsers: 1,
      totalStaff: 2,
      share,
      source: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(adoptionRows([sample('2026-01-12', 0.5), sample('2026-01-05', 0.4)], 0.6).map((r) => r.weekStart)).toEqual(['2026-01-05', '2026-01-12']);
  });

  it('When gates arrive in any order, then they are shown in the order of the journey with labels', () => {
    const gates = orderedGates([
      { key: 'milestones_done', met: false, detail: '' },
      { key: 'internal_network', met: true, detail: '' },
    ]);
    expect(gates.map((g) => g.label)).toEqual(['Internally networked', 'Every milestone done']);
  });

  it('When dates are placed on the timeline, then the latest is at 100% and a missing date is left out', () => {
    const marks = timelineMarks('2026-01-01', [
      { key: 'a', label: 'A', date: '2026-01-11' },
      { key: 'b', label: 'B', date: '2026-01-21' },
      { key: 'c', label: 'C', date: null },
    ]);
    expect(marks.map((m) => [m.key, m.position])).toEqual([
      ['a', 50],
      ['b', 100],
    ]);
  });

  it('When the plan started more than a year ago, then the share window starts a year back', () => {
    expect(shareWindowStart('2020-01-01', '2026-03-02')).toBe('2025-03-03');
    expect(shareWindowStart('2026-01-05', '2026-03-02')).toBe('2026-01-05');
  });
});
