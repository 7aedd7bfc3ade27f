import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HandoversView } from '../../dashboard/src/features/handovers/components/handovers-view';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aHandover as handover, listOf as list } from './support/fixtures';
import { renderWithQuery } from './support/render';


describe('HandoversView', () => {
  it('When an executive looks, then every handover is listed without any control', async () => {
    mockFetch({ [`GET /plans/${PLAN}/handovers`]: list([handover('11111111-1111-4111-8111-111111111111', 'Stories', 'in_house')]) });
    renderWithQuery(<HandoversView planId={PLAN} role="executive" canCreate={false} />);
    expect(await screen.findByRole('heading', { name: 'Stories' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Accept|Move|Reopen|New handover/ })).toBeNull();
  });

  it('When a handover sits at a step, then the step is named as everywhere else and its hint says what it means', async () => {
    mockFetch({ [`GET /plans/${PLAN}/handovers`]: list([handover('33333333-3333-4333-8333-333333333333', 'Stories', 'in_house')]) });
    renderWithQuery(<HandoversView planId={PLAN} role="lead" canCreate />);
    const card = (await screen.findByRole('heading', { name: 'Stories' })).closest('li');
    if (!card) throw new Error('no card');
    expect(within(card).getByText('In-house: staff do it; waiting for a lead to accept.')).toBeTruthy();
    expect(within(card).getByRole('list', { name: 'Ladder' }).textContent).toBe('AgencyShadowingReverse shadowingIn-houseAccepted');
    expect(within(card).getByRole('button', { name: /Back to reverse shadowing/ })).toBeTruthy();
  });

  it('When a move is refused, then the reason is announced and the list is reloaded', async () => {
    const id = '22222222-2222-4222-8222-222222222222';
    const { calls } = mockFetch({
      [`GET /plans/${PLAN}/handovers`]: list([handover(id, 'Replies', 'shadowing')]),
      [`POST /plans/${PLAN}/handovers/${id}/transitions`]: problem(409, 'conflict', { detail: 'The handover is already at reverse_shadowing.' }),
    });
    renderWithQuery(<HandoversView planId={PLAN} role="agency" canCreate />);
    const card = (await screen.findByRole('heading', { name: 'Replies' })).closest('li')!;
    await userEvent.setup().click(within(card).getByRole('button', { name: /Move to reverse shadowing/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('already at reverse_shadowing');
    expect(calls.filter((c) => c.method === 'POST')[0]!.body).toEqual({ to: 'reverse_shadowing', note: null });
  });
});
