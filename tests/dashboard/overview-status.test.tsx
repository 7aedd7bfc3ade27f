import { fireEvent, screen, within } from '@testing-library/react';
import { Suspense } from 'react';
import StatusSection from '../../dashboard/src/features/overview/components/status-section';
import { slipDays, slipRows, trendRows } from '../../dashboard/src/features/overview/utils/snapshot-series';
import { mockFetch } from './support/fetch';
import { PLAN, aPlan, aSummary, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';
import { aComparison, aSnapshot } from './support/snapshots';

const SNAPSHOTS = `/plans/${PLAN}/snapshots`;
const plan = aPlan({ startDate: '2026-11-02', targetExitDate: '2027-01-18', contractEndDate: '2027-02-15' });
const withExit = (score: number, exit: string | null) => {
  const s = aSummary();
  return { ...s, readiness: { ...s.readiness, score }, exitForecast: { ...s.exitForecast, projectedExitDate: exit } };
};
// Newest first, as the API lists them; the manual one is not a week.
const weeks = [
  aSnapshot(4, { kind: 'manual', weekStart: null, takenAt: '2026-11-25T10:00:00.000Z', rag: 'red', note: 'Agency late on two handovers.', summary: withExit(0.66, '2027-03-22') }),
  aSnapshot(3, { weekStart: '2026-11-16', summary: withExit(0.64, '2027-03-15') }),
  aSnapshot(2, { weekStart: '2026-11-09', summary: withExit(0.6, null), approximate: true }),
  aSnapshot(1, { weekStart: '2026-11-02', rag: 'green', note: 'Good start.', summary: withExit(0.5, '2027-03-01') }),
];

const section = (canRecordStatus: boolean) =>
  renderWithQuery(
    <Suspense fallback={null}>
      <StatusSection plan={plan} canRecordStatus={canRecordStatus} />
    </Suspense>,
  );

describe('The overview from snapshots', () => {
  it('When snapshots exist, then the latest lead status, what changed since the one before, and both week-by-week charts show', async () => {
    const { calls } = mockFetch({ [`GET ${SNAPSHOTS}`]: listOf(weeks), [`GET ${SNAPSHOTS}/compare`]: { status: 200, body: aComparison() } });
    section(false);
    const status = await screen.findByTestId('lead-status');
    expect(within(status).getByText('Red')).toBeTruthy();
    expect(status.textContent).toContain('Agency late on two handovers.');
    const changed = await screen.findByTestId('what-changed');
    expect(await within(changed).findByText('Readiness 50% → 64% (+14 points).')).toBeTruthy();
    expect(within(changed).getByText('Launch Slack (20 Nov 2026).')).toBeTruthy();
    expect(within(changed).getByRole('heading', { name: 'Exit items moved' })).toBeTruthy();
    expect(within(changed).getByText('Meta ad account: Access shared → Ownership transferred.')).toBeTruthy();
    expect(calls.find((c) => c.url.includes('/compare'))?.url).toContain(`from=${weeks[1]!.id}&to=${weeks[0]!.id}`);
    expect(screen.getByTestId('chart-readiness-trend').textContent).toContain('Readiness 50% in the week of 2 Nov 2026, 64% in the week of 16 Nov 2026.');
    expect(screen.getByTestId('chart-slip').textContent).toContain('Earliest exit 15 Mar 2027 in the week of 16 Nov 2026, 14 days later than the first week shown.');
  });

  it('When the plan has no snapshots, then it says so, and only a lead is offered to take one or backfill', async () => {
    const { calls } = mockFetch({
      [`GET ${SNAPSHOTS}`]: listOf([]),
      [`POST ${SNAPSHOTS}/backfill`]: { status: 200, body: { created: 3, approximate: 1, weeks: ['2026-11-02', '2026-11-09', '2026-11-16'] } },
    });
    const view = section(true);
    const empty = await screen.findByTestId('no-snapshots');
    expect(empty.textContent).toContain('No snapshots yet');
    fireEvent.click(within(empty).getByRole('button', { name: 'Backfill from history' }));
    expect(await screen.findByText('Backfilled 3 weeks from history (1 approximate).')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1${SNAPSHOTS}/backfill`]);
    view.unmount();
    mockFetch({ [`GET ${SNAPSHOTS}`]: listOf([]) });
    section(false);
    const forReader = await screen.findByTestId('no-snapshots');
    expect(within(forReader).queryByRole('button')).toBeNull();
  });
});

describe('snapshot series', () => {
  it('When weekly and manual snapshots are mixed, then the trend and slip rows hold the weeks only, oldest first, with gaps where no exit date was given', () => {
    expect(trendRows(weeks)).toEqual([
      { weekStart: '2026-11-02', readiness: 50, approximate: false },
      { weekStart: '2026-11-09', readiness: 60, approximate: true },
      { weekStart: '2026-11-16', readiness: 64, approximate: false },
    ]);
    const rows = slipRows(weeks, plan.startDate);
    expect(rows.map((r) => [r.weekStart, r.projected, r.projectedDate])).toEqual([
      ['2026-11-02', 119, '2027-03-01'],
      ['2026-11-09', null, null],
      ['2026-11-16', 133, '2027-03-15'],
    ]);
    expect(slipDays(rows)).toBe(14);
    expect(slipDays(rows.slice(0, 2))).toBeNull();
  });
});
