import type { Handover } from '@handover/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HandoversView } from '../../dashboard/src/features/handovers/components/handovers-view';
import { toCreateHandover } from '../../dashboard/src/features/handovers/components/new-handover-form';
import { mockFetch, problem } from './support/fetch';
import { transitionBody } from '../../dashboard/src/api/handovers/create-transition';
import { PLAN, aHandover as handover, aMember, listOf as list } from './support/fixtures';
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
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('already at reverse_shadowing');
    // The refusal shows on the card whose button was pressed, and takes the focus there.
    expect(document.activeElement).toBe(alert);
    expect(calls.filter((c) => c.method === 'POST')[0]!.body).toEqual({ to: 'reverse_shadowing', from: 'shadowing', note: null });
  });

  it('When a move button is double-clicked, then the handover moves one step', async () => {
    const id = '44444444-4444-4444-8444-444444444444';
    const before = handover(id, 'Stories', 'shadowing');
    const after: Handover = { ...before, status: 'reverse_shadowing', version: 2 };
    const { calls } = mockFetch({
      [`GET /plans/${PLAN}/handovers`]: [list([before]), list([after])],
      [`POST /plans/${PLAN}/handovers/${id}/transitions`]: { status: 200, body: after },
      [`GET /plans/${PLAN}/members`]: list([]),
    });
    renderWithQuery(<HandoversView planId={PLAN} role="lead" canCreate />);
    const card = (await screen.findByRole('heading', { name: 'Stories' })).closest('li')!;
    await userEvent.setup().dblClick(within(card).getByRole('button', { name: /Move to reverse shadowing/ }));
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('“Stories” is now at “Reverse shadowing”.'));
    // On a fast server the next step's button is in place before the second click of a double click lands on it.
    fireEvent.click(within(card).getByRole('button', { name: /Move to in-house/ }), { detail: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('When a move is sent, then it says where it starts, so the server refuses a stale one', () => {
    expect(transitionBody('reverse_shadowing', 'shadowing', 'ok')).toEqual({ to: 'reverse_shadowing', from: 'shadowing', note: 'ok' });
    expect(transitionBody('reverse_shadowing', 'shadowing', null)).toEqual({ to: 'reverse_shadowing', from: 'shadowing', note: null });
  });

  it('When agency staff look at a handover they cannot move back or accept, then the card says only a lead can', async () => {
    mockFetch({
      [`GET /plans/${PLAN}/handovers`]: list([
        handover('55555555-5555-4555-8555-555555555555', 'Replies', 'shadowing'),
        handover('66666666-6666-4666-8666-666666666666', 'Stories', 'in_house'),
      ]),
    });
    renderWithQuery(<HandoversView planId={PLAN} role="agency" canCreate />);
    const card = (name: string) => screen.getByRole('heading', { name }).closest('li')!;
    await screen.findByRole('heading', { name: 'Replies' });
    expect(card('Replies').textContent).toContain('Only a lead can move it back a step.');
    expect(within(card('Replies')).queryByRole('button', { name: /Back to/ })).toBeNull();
    expect(card('Stories').textContent).toContain('In-house: staff do it; waiting for a lead to accept.');
    expect(card('Stories').textContent).toContain('Only a lead can accept it or move it back.');
    expect(within(card('Stories')).queryByRole('button', { name: /Accept|Move/ })).toBeNull();
  });

  it('When the history is shown, then each move names the person, not their email', async () => {
    const ana = aMember('77777777-7777-4777-8777-777777777777', 'Ana Lopez', 'agency', 'ana.lopez@agency.example');
    const moved: Handover = {
      ...handover('88888888-8888-4888-8888-888888888888', 'Stories', 'reverse_shadowing'),
      history: [
        { from: 'agency', to: 'shadowing', at: '2026-11-02T09:00:00.000Z', actor: { id: ana.userId, email: ana.email, name: 'Ana Lopez' }, note: null },
        { from: 'shadowing', to: 'reverse_shadowing', at: '2026-11-09T09:00:00.000Z', actor: { id: '99999999-9999-4999-8999-999999999999', email: 'sam.gone@example.org', name: 'Sam Gone' }, note: null },
      ],
    };
    mockFetch({ [`GET /plans/${PLAN}/handovers`]: list([moved]), [`GET /plans/${PLAN}/members`]: list([ana]) });
    renderWithQuery(<HandoversView planId={PLAN} role="executive" canCreate={false} />);
    const card = (await screen.findByRole('heading', { name: 'Stories' })).closest('li')!;
    await waitFor(() => expect(card.querySelector('.history')!.textContent).toContain('by Ana Lopez,'));
    expect(card.querySelector('.history')!.textContent).toContain('by Sam Gone,');
    expect(card.textContent).not.toContain('@');
  });

  it('When handovers are listed, then each one not yet accepted says when it should be, or that without a date the exit cannot be dated', async () => {
    mockFetch({
      [`GET /plans/${PLAN}/handovers`]: list([
        { ...handover('a1111111-1111-4111-8111-111111111111', 'Replies', 'shadowing'), targetDate: '2099-12-04' },
        { ...handover('a2222222-2222-4222-8222-222222222222', 'Stories', 'agency'), targetDate: '2000-01-03' },
        handover('a3333333-3333-4333-8333-333333333333', 'Ads', 'in_house'),
        { ...handover('a4444444-4444-4444-8444-444444444444', 'Posts', 'accepted'), targetDate: '2000-01-03' },
      ]),
    });
    renderWithQuery(<HandoversView planId={PLAN} role="executive" canCreate={false} />);
    await screen.findByRole('heading', { name: 'Replies' });
    const target = (name: string) => within(screen.getByRole('heading', { name }).closest('li')!).queryByTestId('handover-target')?.textContent;
    expect(target('Replies')).toBe('To be accepted by 4 Dec 2099.');
    expect(target('Stories')).toBe('To be accepted by 3 Jan 2000, now overdue.');
    expect(target('Ads')).toBe('No target date: until it has one, the exit cannot be dated.');
    expect(target('Posts')).toBeUndefined();
  });

  it('When a handover is logged with a target date, then the date is sent, and a blank one is sent as none', () => {
    const values = { title: 'Replies', channel: '', description: '', targetDate: '2027-01-15' };
    expect(toCreateHandover(values)).toEqual({ title: 'Replies', channel: null, description: null, targetDate: '2027-01-15' });
    expect(toCreateHandover({ ...values, targetDate: '' }).targetDate).toBeNull();
  });
});
