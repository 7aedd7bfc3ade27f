import type { Summary } from '@handover/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OverviewScreen } from '../../dashboard/src/features/overview/components/overview-screen';
import { todayIso } from '../../dashboard/src/lib/format';
import { mockFetch, type Call } from './support/fetch';
import { PLAN, aMilestone, aPlan, aSummary, listOf } from './support/fixtures';
import { quietRecharts } from './support/recharts';
import { renderWithQuery } from './support/render';

quietRecharts();
afterAll(() => jest.restoreAllMocks());

const PAST = '2026-10-04';
const day = (call: Call, name: string) => new URL(call.url, 'http://x').searchParams.get(name);

/** Every endpoint the overview reads; the summary answers for the day it is asked about. */
function overviewApi() {
  return mockFetch({
    [`GET /plans/${PLAN}/summary`]: (call) => ({ status: 200, body: aSummary({ asOf: day(call, 'asOf') ?? todayIso() }) satisfies Summary }),
    [`GET /plans/${PLAN}/milestones`]: listOf([aMilestone({ dueDate: '2026-09-01' })]),
    [`GET /plans/${PLAN}/skills/coverage`]: { status: 200, body: { items: [], totals: { required: 0, gap: 0, closedShare: 1 } } },
    [`GET /plans/${PLAN}/skills/matrix`]: { status: 200, body: { people: [], skills: [], cells: [], total: 0, limit: 200, offset: 0 } },
    [`GET /plans/${PLAN}/posts/share`]: { status: 200, body: { interval: 'week', points: [] } },
    [`GET /plans/${PLAN}/adoption`]: { status: 200, body: { items: [] } },
    [`GET /plans/${PLAN}/snapshots`]: { status: 200, body: { items: [], total: 0, limit: 200, offset: 0 } },
  });
}

const plan = aPlan({ startDate: '2026-05-25', targetExitDate: '2027-01-18', contractEndDate: '2027-02-15' });
const render = (route: string) => renderWithQuery(<OverviewScreen plan={plan} canReadMatrix canEdit />, { route });

/** The day each request of the overview asked about: `asOf`, or `to` for the weekly series. */
const requestedDays = (calls: Call[]) =>
  calls.map((c) => ({ path: new URL(c.url, 'http://x').pathname.replace(`/api/v1/plans/${PLAN}`, ''), day: day(c, 'asOf') ?? day(c, 'to') }));

describe('The overview on a past day', () => {
  it('When a past day is in the address, then every card asks for that day and says so, and the verdict comes first', async () => {
    const { calls } = overviewApi();
    const { container } = render(`/plans/${PLAN}?asOf=${PAST}`);
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.textContent).toContain('Not yet: 4 of 6 gates not met');
    expect(verdict.textContent).toContain('earliest exit 15 Mar 2027, limited by milestones');
    expect(verdict.textContent).toContain('As of 4 Oct 2026, a past day');
    // The verdict is the first thing after the header: before the readiness card in reading order.
    const readiness = await screen.findByTestId('chart-readiness');
    expect(verdict.compareDocumentPosition(readiness) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await waitFor(() => expect(new Set(requestedDays(calls).map((r) => r.path))).toEqual(
      new Set(['/summary', '/milestones', '/skills/coverage', '/skills/matrix', '/posts/share', '/adoption', '/snapshots']),
    ));
    // Snapshots are the weeks as they were recorded: their list is the same whatever day is shown,
    // so it is the one read without a day (docs/domain.md#as-of).
    expect(requestedDays(calls).filter((r) => r.day !== PAST && r.path !== '/snapshots')).toEqual([]);

    // The timeline marks the chosen day, not "Today"; nothing claims to show today's levels.
    expect(within(screen.getByTestId('chart-exit')).getByText('As of 4 Oct')).toBeTruthy();
    expect(container.textContent).not.toMatch(/today's levels|Today \d/);
    // A past day is read-only: no form to record a week of adoption.
    expect(screen.queryByText('Record a week')).toBeNull();
  });

  it('When Back to today is pressed, then the address loses its day, the overview asks about today, and the focus stays on the date', async () => {
    const { calls } = overviewApi();
    const { location } = render(`/plans/${PLAN}?asOf=${PAST}`);
    await screen.findByTestId('verdict');
    const back = screen.getByRole('button', { name: 'Back to today' });
    calls.length = 0;
    await userEvent.setup().click(back);

    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toContain(`As of today, `));
    expect(location()).toBe(`/plans/${PLAN}`);
    expect(screen.queryByRole('button', { name: 'Back to today' })).toBeNull();
    const field = screen.getByLabelText('As of');
    expect(document.activeElement).toBe(field);
    expect((field as HTMLInputElement).value).toBe(todayIso());
    const summaries = calls.filter((c) => c.url.includes('/summary'));
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((c) => day(c, 'asOf') === null)).toBe(true);
    expect(within(screen.getByTestId('chart-exit')).getByText(/^Today /)).toBeTruthy();
    expect(await screen.findByText('Record a week')).toBeTruthy();
  });

  it('When a day is chosen in the As-of field, then the address keeps it so the view can be shared', async () => {
    overviewApi();
    const { location } = render(`/plans/${PLAN}`);
    await screen.findByTestId('verdict');
    expect(screen.queryByRole('button', { name: 'Back to today' })).toBeNull();
    const field = screen.getByLabelText('As of');
    // A date field takes a whole day at once, as a browser's picker gives it.
    fireEvent.change(field, { target: { value: PAST } });
    await waitFor(() => expect(location()).toBe(`/plans/${PLAN}?asOf=${PAST}`));
    expect(await screen.findByRole('button', { name: 'Back to today' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toContain('As of 4 Oct 2026'));
  });
});
