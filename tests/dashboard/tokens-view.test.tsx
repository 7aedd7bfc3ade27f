import type { ApiToken, Me } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TokensView } from '../../dashboard/src/features/tokens/components/tokens-view';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aPlan, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const OTHER = '99999999-9999-4999-8999-999999999999';
const me: Me = {
  user: { id: '11111111-1111-4111-8111-111111111111', email: 'lena@example.org', name: 'Lena Lead', isAdmin: false, active: true, createdAt: '2026-01-01T00:00:00.000Z' },
  memberships: [
    { planId: PLAN, planName: 'Taking our voice back', role: 'lead', effectiveAccessUntil: null },
    { planId: OTHER, planName: 'Read-only plan', role: 'executive', effectiveAccessUntil: null },
  ],
};
const plans = listOf([aPlan(), aPlan({ id: OTHER, name: 'Read-only plan' })]);
const aToken = (id: string, name: string, over: Partial<ApiToken> = {}): ApiToken => ({
  id,
  name,
  createdAt: '2026-01-01T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2099-04-01T10:00:00.000Z',
  planId: null,
  scopes: [],
  ...over,
});
const nightly = aToken('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Nightly import', { planId: PLAN, scopes: ['posts:write'], lastUsedAt: '2026-02-01T10:00:00.000Z' });
const old = aToken('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'Old script', { expiresAt: '2020-01-01T00:00:00.000Z' });
const tokens = (items: ApiToken[]) => ({ status: 200, body: { items } });

describe('TokensView', () => {
  it('When tokens are listed, then each shows what it may do, when it was made and last used, and when it expires (expired marked)', async () => {
    mockFetch({ 'GET /plans': plans, 'GET /me/tokens': tokens([nightly, old]) });
    renderWithQuery(<TokensView me={me} />);
    const row = await screen.findByRole('row', { name: /Nightly import/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toMatch(/1 Apr 2099/);
    expect(cells[0]).not.toMatch(/Expired/);
    expect(cells[1]).toBe('Record and import posts in Taking our voice back');
    expect(cells[2]).toMatch(/1 Jan 2026/);
    expect(cells[3]).toMatch(/1 Feb 2026/);
    const oldCells = within(screen.getByRole('row', { name: /Old script/ })).getAllByRole('cell').map((c) => c.textContent);
    expect(oldCells[0]).toMatch(/^Expired 1 Jan 2020/);
    expect(oldCells[1]).toBe('All my access');
    expect(oldCells[3]).toBe('Never');
  });

  it('When a token is made, then the server\'s field errors show inline, and the new token is shown once with a copy button and a warning', async () => {
    const created = { id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', name: 'CI upload', expiresAt: '2099-05-01T10:00:00.000Z', planId: PLAN, scopes: ['posts:write'], token: 'hov_secret123' };
    const { calls } = mockFetch({
      'GET /plans': plans,
      'GET /me/tokens': [tokens([]), tokens([aToken(created.id, created.name, { planId: PLAN, scopes: ['posts:write'], expiresAt: created.expiresAt })])],
      'POST /me/tokens': [problem(422, 'validation', { detail: 'The request is invalid.', errors: [{ path: 'planId', message: 'no such plan' }] }), { status: 201, body: created }],
    });
    renderWithQuery(<TokensView me={me} />);
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Create an API token' });
    expect((within(form).getByLabelText('Expires after (days)') as HTMLInputElement).value).toBe('90');
    // Only plans where the person may record posts can be chosen.
    await waitFor(() => expect(within(form).getAllByRole('option').map((o) => o.textContent)).toEqual(['All my access', 'Record and import posts in Taking our voice back']));
    await u.type(within(form).getByLabelText('Name'), 'CI upload');
    await u.clear(within(form).getByLabelText('Expires after (days)'));
    await u.type(within(form).getByLabelText('Expires after (days)'), '30');
    await u.selectOptions(within(form).getByLabelText('What it may do'), PLAN);
    await u.click(within(form).getByRole('button', { name: 'Create token' }));
    const plan = within(form).getByLabelText('What it may do');
    await waitFor(() => expect(plan.getAttribute('aria-invalid')).toBe('true'));
    expect(form.textContent).toContain('no such plan');
    expect(screen.queryByText('hov_secret123')).toBeNull();

    await u.click(within(form).getByRole('button', { name: 'Create token' }));
    const panel = await screen.findByRole('region', { name: 'Your new token “CI upload”' });
    expect(panel.textContent).toContain('it is shown only this once');
    expect((within(panel).getByLabelText('The token “CI upload”') as HTMLInputElement).value).toBe('hov_secret123');
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading')));
    await u.click(within(panel).getByRole('button', { name: 'Copy token' }));
    // user-event stands in for the clipboard.
    expect(await navigator.clipboard.readText()).toBe('hov_secret123');
    expect(within(panel).getByRole('status').textContent).toBe('Copied to the clipboard.');
    await screen.findByRole('row', { name: /CI upload/ });
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { name: 'CI upload', expiresInDays: 30, planId: PLAN, scopes: ['posts:write'] },
      { name: 'CI upload', expiresInDays: 30, planId: PLAN, scopes: ['posts:write'] },
    ]);
    // The form is ready for the next one.
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('');

    await u.click(within(panel).getByRole('button', { name: 'Done, hide it' }));
    expect(screen.queryByRole('region', { name: /Your new token/ })).toBeNull();
    expect(document.body.textContent).not.toContain('hov_secret123');
  });

  it('When the days are out of range, then the field says so and nothing is sent', async () => {
    const { calls } = mockFetch({
      'GET /plans': plans,
      'GET /me/tokens': tokens([]),
    });
    renderWithQuery(<TokensView me={me} />);
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Create an API token' });
    const days = within(form).getByLabelText('Expires after (days)');
    await u.type(within(form).getByLabelText('Name'), 'Too long');
    await u.clear(days);
    await u.type(days, '400');
    await u.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await within(form).findByText('must be at most 365')).toBeTruthy();
    expect(document.activeElement).toBe(days);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await u.clear(days);
    await u.type(days, '0');
    await u.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(await within(form).findByText('must be at least 1')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('When a token is revoked, then it asks first, sends the revocation, and the notice takes the focus', async () => {
    const { calls } = mockFetch({
      'GET /plans': plans,
      'GET /me/tokens': [tokens([nightly]), tokens([])],
      [`DELETE /me/tokens/${nightly.id}`]: { status: 204 },
    });
    renderWithQuery(<TokensView me={me} />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Revoke Nightly import' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke Nightly import?' });
    expect(dialog.textContent).toContain('is refused from now on');
    await u.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    const status = await screen.findByText('Revoked “Nightly import”.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    await screen.findByText('No API tokens yet');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([`/api/v1/me/tokens/${nightly.id}`]);
  });
});
