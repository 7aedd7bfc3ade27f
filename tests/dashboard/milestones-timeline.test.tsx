import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { MilestonesTimeline } from '../../dashboard/src/features/milestones/components/timeline/milestones-timeline';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aMilestone, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

// docs/domain.md#milestones-timeline: bars by phase, the baseline behind them, dependency arrows, a table alternative.
const path = `/plans/${PLAN}/milestones`;
const baselines = `/plans/${PLAN}/baselines`;
const done = aMilestone({ id: '11111111-1111-4111-8111-111111111111', title: 'Staff channel live', dueDate: '2025-02-01', status: 'done' });
const late = aMilestone({ id: '22222222-2222-4222-8222-222222222222', title: 'Write the guidelines', dueDate: '2025-03-01', status: 'in_progress' });
const exit = aMilestone({
  id: '33333333-3333-4333-8333-333333333333',
  title: 'Hand over the passwords',
  phase: 'agency_exit',
  dueDate: '2099-05-01',
  dependsOn: [done.id, late.id],
  baselineDueDate: '2099-04-01',
  slipDays: 30,
});
const aBaseline = (name: string, createdAt: string) => ({ id: '44444444-4444-4444-8444-444444444444', planId: PLAN, name, createdAt, milestoneCount: 3 });

async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('MilestonesTimeline', () => {
  it('When the timeline is shown, then each bar is named in words, arrows join dependencies, and the table says the same; axe finds nothing', async () => {
    mockFetch({
      [`GET ${path}`]: listOf([done, late, exit]),
      [`GET ${baselines}`]: listOf([aBaseline('Board plan', '2025-01-10T09:00:00.000Z')]),
    });
    const { container } = renderWithQuery(<MilestonesTimeline planId={PLAN} planStart="2025-01-06" canBaseline={false} />);
    const chart = await screen.findByRole('group', { name: 'Timeline' });
    const bars = within(chart).getAllByRole('img');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Staff channel live, Internal network: from 6 Jan 2025 to 1 Feb 2025; Done; no baseline date',
      'Write the guidelines, Internal network: from 6 Jan 2025 to 1 Mar 2025; In progress, overdue; no baseline date',
      'Hand over the passwords, Agency exit: from 1 Mar 2025 to 1 May 2099; Planned; baseline 1 Apr 2099, 30 days later than its baseline',
    ]);
    expect(bars.map((b) => b.getAttribute('class'))).toEqual([
      'ms-timeline__bar ms-timeline__bar--done',
      'ms-timeline__bar ms-timeline__bar--overdue',
      'ms-timeline__bar ms-timeline__bar--planned',
    ]);
    expect(container.querySelectorAll('.ms-timeline__arrow')).toHaveLength(2);
    expect(container.querySelectorAll('.ms-timeline__ghost')).toHaveLength(1);
    expect(container.querySelectorAll('.ms-timeline__today')).toHaveLength(1);
    expect(screen.getByText(/Baseline: “Board plan”/)).toBeTruthy();
    expect(screen.getByText(/a bar starts when the latest milestone it depends on is due/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Take baseline' })).toBeNull();

    const table = screen.getByRole('table', { name: 'The timeline as a table' });
    const row = within(table).getByRole('row', { name: /Hand over the passwords/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Agency exit',
      '1 Mar 2025 (when what it depends on is due)',
      '1 May 2099',
      'baseline 1 Apr 2099, 30 days later than its baseline',
      'Planned',
      'Staff channel live, Write the guidelines',
    ]);
    expect(await axeViolations(container)).toEqual([]);
  }, 20_000);

  it('When the bars are reached by keyboard, then they are one tab stop, arrow keys move between them and the details follow', async () => {
    mockFetch({ [`GET ${path}`]: listOf([done, late, exit]), [`GET ${baselines}`]: listOf([]) });
    renderWithQuery(<MilestonesTimeline planId={PLAN} planStart="2025-01-06" canBaseline={false} />);
    const chart = await screen.findByRole('group', { name: 'Timeline' });
    const bars = within(chart).getAllByRole('img');
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    const u = userEvent.setup();
    bars[0]!.focus();
    await u.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(bars[1]);
    const details = screen.getByLabelText('Selected milestone');
    expect(details.textContent).toContain('Write the guidelines, Internal network');
    await u.keyboard('{End}');
    expect(document.activeElement).toBe(bars[2]);
    expect(details.textContent).toContain('Hand over the passwords');
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
    await u.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(bars[0]);
    expect(screen.getByText(/No baseline yet/)).toBeTruthy();
  });

  it('When a lead takes a baseline, then a name is asked, the POST carries it, and the milestones are read again', async () => {
    const { calls } = mockFetch({
      [`GET ${path}`]: [listOf([exit]), listOf([{ ...exit, baselineDueDate: exit.dueDate, slipDays: 0 }])],
      [`GET ${baselines}`]: [listOf([]), listOf([aBaseline('Agreed with the board', '2026-03-01T09:00:00.000Z')])],
      [`POST ${baselines}`]: [
        problem(422, 'validation-failed', { errors: [{ path: 'name', message: 'must be at most 200 characters' }] }),
        { status: 201, body: { ...aBaseline('Agreed with the board', '2026-03-01T09:00:00.000Z'), milestoneCount: 1, items: [] } },
      ],
    });
    renderWithQuery(<MilestonesTimeline planId={PLAN} planStart="2025-01-06" canBaseline />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Take baseline' }));
    const dialog = screen.getByRole('dialog', { name: 'Take a baseline' });
    const name = within(dialog).getByLabelText('Name');
    expect((name as HTMLInputElement).value).toMatch(/^Baseline \d{4}-\d{2}-\d{2}$/);
    await u.clear(name);
    await u.click(within(dialog).getByRole('button', { name: 'Take baseline' }));
    expect(await within(dialog).findByText('must not be empty')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await u.type(name, 'Agreed with the board');
    await u.click(within(dialog).getByRole('button', { name: 'Take baseline' }));
    expect(await within(dialog).findByText('must be at most 200 characters')).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Take baseline' }));
    expect(await screen.findByText('Baseline “Agreed with the board” taken: 1 milestone frozen.')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).toEqual([{ name: 'Agreed with the board' }, { name: 'Agreed with the board' }]);
    expect(posts[1]!.headers['Idempotency-Key']).toBeTruthy();
    await screen.findByText(/Baseline: “Agreed with the board”/);
    await waitFor(() => expect(screen.getByRole('img', { name: /on its baseline date/ })).toBeTruthy());
  });
});
