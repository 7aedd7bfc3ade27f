import { buildTimeline, dateScale, monthTicks, slipText } from '../../dashboard/src/features/milestones/utils/timeline';
import { aMilestone } from './support/fixtures';

// docs/domain.md#milestones-timeline: a bar starts when the latest milestone it depends on is due, else at the plan's start.
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const D = '44444444-4444-4444-8444-444444444444';

describe('buildTimeline', () => {
  const milestones = [
    aMilestone({ id: A, title: 'Staff channel', dueDate: '2026-02-01', status: 'done' }),
    aMilestone({ id: B, title: 'Guidelines', dueDate: '2026-02-15', status: 'in_progress' }),
    aMilestone({ id: C, title: 'Own the account', phase: 'agency_exit', dueDate: '2026-04-01', dependsOn: [A, B], baselineDueDate: '2026-03-20', slipDays: 12 }),
    aMilestone({ id: D, title: 'Early', phase: 'agency_exit', dueDate: '2026-01-20', dependsOn: [B] }),
  ];

  it('When milestones depend on others, then each bar starts at the latest due date it depends on, else at the plan start, never after its due date', () => {
    const t = buildTimeline(milestones, '2026-01-05', '2026-03-01');
    const bar = (id: string) => t.bars.find((b) => b.milestone.id === id)!;
    expect([bar(A).start, bar(A).startFrom]).toEqual(['2026-01-05', 'plan']);
    expect([bar(C).start, bar(C).startFrom]).toEqual(['2026-02-15', 'dependency']);
    expect(bar(D).start).toBe('2026-01-20');
    expect(bar(C).baseline).toBe('2026-03-20');
  });

  it('When phases are laid out, then each phase has a header row and its bars by due date; empty phases are left out', () => {
    const t = buildTimeline(milestones, '2026-01-05', '2026-03-01');
    expect(t.phases.map((p) => [p.phase, p.row, p.bars.map((b) => b.milestone.title)])).toEqual([
      ['internal_network', 0, ['Staff channel', 'Guidelines']],
      ['agency_exit', 3, ['Early', 'Own the account']],
    ]);
    expect(t.rows).toBe(6);
    expect(t.arrows.map((a) => `${a.from.milestone.title}->${a.to.milestone.title}`).sort()).toEqual([
      'Guidelines->Early',
      'Guidelines->Own the account',
      'Staff channel->Own the account',
    ]);
  });

  it('When states are judged, then done, overdue (past due, not done) and the status otherwise; the range covers today and baselines', () => {
    const t = buildTimeline(milestones, '2026-01-05', '2026-03-01');
    expect(t.bars.map((b) => [b.milestone.title, b.state])).toEqual([
      ['Staff channel', 'done'],
      ['Guidelines', 'overdue'],
      ['Early', 'overdue'],
      ['Own the account', 'planned'],
    ]);
    expect([t.min, t.max]).toEqual(['2026-01-05', '2026-04-01']);
    expect(buildTimeline(milestones, '2026-01-05', '2026-06-01').max).toBe('2026-06-01');
  });
});

describe('timeline scale and words', () => {
  it('When dates are placed, then the scale is linear with a week of padding each side', () => {
    const x = dateScale('2026-01-08', '2026-01-22', 100, 280);
    expect(x('2026-01-01')).toBe(100);
    expect(x('2026-01-29')).toBe(380);
    expect(x('2026-01-15')).toBe(240);
  });

  it('When months are ticked, then the first of each month inside the range, across a year end', () => {
    expect(monthTicks('2025-11-15', '2026-02-01')).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthTicks('2026-01-01', '2026-01-31')).toEqual(['2026-01-01']);
    expect(monthTicks('2026-01-02', '2026-01-31')).toEqual([]);
  });

  it('When slip is told, then in days later or earlier than the baseline', () => {
    expect(slipText(12)).toBe('12 days later than its baseline');
    expect(slipText(-1)).toBe('1 day earlier than its baseline');
    expect(slipText(0)).toBe('on its baseline date');
    expect(slipText(null)).toBe('no baseline date');
  });
});
