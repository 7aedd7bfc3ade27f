import type { User } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UsersTable } from '../../dashboard/src/features/users/components/users-table';
import { mockFetch, problem } from './support/fetch';
import { listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const aUser = (id: string, name: string, over: Partial<User> = {}): User => ({
  id,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
  isAdmin: false,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const ada = aUser('11111111-1111-4111-8111-111111111111', 'Ada Admin', { isAdmin: true });
const dana = aUser('22222222-2222-4222-8222-222222222222', 'Dana Diaz');

describe('UsersTable', () => {
  it('When an admin deactivates a user, then it asks first saying what ends, sends it, and the list read again shows them deactivated', async () => {
    const { calls } = mockFetch({
      'GET /users': [listOf([ada, dana]), listOf([ada, { ...dana, active: false }])],
      [`POST /users/${dana.id}/deactivate`]: { status: 200, body: { ...dana, active: false } },
    });
    renderWithQuery(<UsersTable currentUserId={ada.id} />);
    const u = userEvent.setup();
    const row = await screen.findByRole('row', { name: /Dana Diaz/ });
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Ada Admin \(you\)/ })).toBeTruthy();
    const button = within(row).getByRole('button', { name: 'Deactivate Dana Diaz' });
    await u.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Dana Diaz?' });
    expect(dialog.textContent).toContain('every session and API token of theirs ends');
    expect(dialog.textContent).toContain('everything they did stay as they are');
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(button);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await u.click(button);
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Dana Diaz is deactivated: their sessions and API tokens have ended.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    const after = await screen.findByRole('row', { name: /Dana Diaz/ });
    await within(after).findByText('Deactivated');
    expect(within(after).getByRole('button', { name: 'Reactivate Dana Diaz' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1/users/${dana.id}/deactivate`]);
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('When an admin tries to deactivate themselves, then the refusal (409) shows in their row and takes the focus', async () => {
    const { calls } = mockFetch({
      'GET /users': listOf([ada, dana]),
      [`POST /users/${ada.id}/deactivate`]: problem(409, 'self-deactivation', { detail: 'You cannot deactivate yourself: ask another admin.' }),
    });
    renderWithQuery(<UsersTable currentUserId={ada.id} />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Deactivate Ada Admin' }));
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate' }));
    const row = screen.getByRole('row', { name: /Ada Admin/ });
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toBe('You cannot deactivate yourself: ask another administrator to do it.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(within(row).getByText('Active')).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));
  });

  it('When an admin reactivates a user, then it is sent at once and the list read again shows them active', async () => {
    const off = { ...dana, active: false };
    const { calls } = mockFetch({
      'GET /users': [listOf([ada, off]), listOf([ada, dana])],
      [`POST /users/${dana.id}/reactivate`]: { status: 200, body: dana },
    });
    renderWithQuery(<UsersTable currentUserId={ada.id} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Reactivate Dana Diaz' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Dana Diaz can sign in again.');
    const row = screen.getByRole('row', { name: /Dana Diaz/ });
    await within(row).findByText('Active');
    expect(within(row).getByRole('button', { name: 'Deactivate Dana Diaz' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1/users/${dana.id}/reactivate`]);
  });
});
