import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MilestonesView } from '../../dashboard/src/features/milestones/components/milestones-view';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aMilestone, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const path = `/plans/${PLAN}/milestones`;
const hire = aMilestone({ id: '11111111-1111-4111-8111-111111111111', title: 'Hire a community manager', phase: 'agency_exit', dueDate: '2026-10-01' });
const train = aMilestone({ id: '22222222-2222-4222-8222-222222222222', title: 'Train the editors', dueDate: '2026-10-02', status: 'done' });
const passwords = aMilestone({
  id: '33333333-3333-4333-8333-333333333333',
  title: 'Hand over the passwords',
  phase: 'agency_exit',
  dueDate: '2026-10-15',
  dependsOn: [hire.id, train.id],
});

describe('MilestonesView', () => {
  it('When a milestone depends on others, then its row names them', async () => {
    mockFetch({ [`GET ${path}`]: listOf([hire, train, passwords]) });
    renderWithQuery(<MilestonesView planId={PLAN} canEdit={false} />, { route: '/m' });
    const row = await screen.findByRole('row', { name: /Hand over the passwords/ });
    expect(row.textContent).toContain('depends on “Hire a community manager” and “Train the editors”');
  });

  it('When Done is chosen on a blocked milestone, then the refusal shows under its status and takes the focus; nothing is sent', async () => {
    const { calls } = mockFetch({ [`GET ${path}`]: listOf([hire, train, passwords]) });
    renderWithQuery(<MilestonesView planId={PLAN} canEdit />, { route: '/m' });
    const user = userEvent.setup();
    const select = await screen.findByLabelText('Status of Hand over the passwords');
    await user.selectOptions(select, 'done');
    const row = screen.getByRole('row', { name: /Hand over the passwords/ });
    const alert = within(row).getByRole('alert');
    expect(alert.textContent).toBe('Cannot be done until “Hire a community manager” is done.');
    expect(document.activeElement).toBe(alert);
    expect(select.getAttribute('aria-describedby')).toBe(alert.id);
    expect((select as HTMLSelectElement).value).toBe('planned');
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('When the server refuses a status (409), then its reason shows in that row in plain words', async () => {
    const stale = { ...passwords, dependsOn: [train.id] };
    mockFetch({
      [`GET ${path}`]: listOf([hire, train, stale]),
      [`PATCH ${path}/${stale.id}`]: problem(409, 'unmet-dependency', { detail: 'Cannot be done while 1 dependency(ies) are not done: Train the editors.' }),
    });
    renderWithQuery(<MilestonesView planId={PLAN} canEdit />, { route: '/m' });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Status of Hand over the passwords'), 'done');
    const row = screen.getByRole('row', { name: /Hand over the passwords/ });
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toBe('Cannot be done until “Train the editors” is done.'));
    expect(document.activeElement).toBe(within(row).getByRole('alert'));
  });

  it('When filters are chosen, then they are in the address, sent to the API, and Clear filters empties them', async () => {
    const { calls } = mockFetch({ [`GET ${path}`]: listOf([hire, passwords]) });
    const { location } = renderWithQuery(<MilestonesView planId={PLAN} canEdit={false} />, { route: '/m?phase=agency_exit' });
    const user = userEvent.setup();
    await screen.findByRole('row', { name: /^Hire a community manager/ });
    expect((screen.getByLabelText('Phase') as HTMLSelectElement).value).toBe('agency_exit');
    expect(calls.some((c) => c.url.includes('phase=agency_exit'))).toBe(true);
    await user.selectOptions(screen.getByLabelText('Status'), 'blocked');
    expect(location()).toBe('/m?phase=agency_exit&status=blocked');
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    expect(location()).toBe('/m?phase=agency_exit&status=blocked&overdue=true');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/m');
    expect((screen.getByLabelText('Phase') as HTMLSelectElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('When a milestone is created, then the form closes and focus lands on the notice naming it', async () => {
    mockFetch({ [`GET ${path}`]: listOf([hire]), [`POST ${path}`]: { status: 201, body: { ...train, title: 'Write the policy' } } });
    renderWithQuery(<MilestonesView planId={PLAN} canEdit />, { route: '/m' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New milestone' }));
    const form = screen.getByRole('form', { name: 'New milestone' });
    await user.type(within(form).getByLabelText('Title'), 'Write the policy');
    await user.type(within(form).getByLabelText('Due date'), '2026-12-01');
    await user.click(within(form).getByRole('button', { name: 'Create milestone' }));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toBe('Created “Write the policy”.');
    expect(document.activeElement).toBe(notice);
    expect(screen.queryByRole('form', { name: 'New milestone' })).toBeNull();
  });
});
