import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { PreferencesView } from '../../dashboard/src/features/preferences/components/preferences-view';
import { mockFetch, problem } from './support/fetch';
import { renderWithQuery } from './support/render';

// docs/domain.md#settings-pages: GET/PUT /me/preferences → {weeklyDigest, digestAvailable, digestUnavailableReason}.
const prefs = (weeklyDigest: boolean, digestAvailable = true, digestUnavailableReason: string | null = null) => ({
  status: 200,
  body: { weeklyDigest, digestAvailable, digestUnavailableReason },
});

describe('PreferencesView', () => {
  it('When the digest is turned on, then PUT sends it, the box stays ticked and a status says so; a refused change leaves it as the server has it', async () => {
    const { calls } = mockFetch({
      'GET /me/preferences': [prefs(false), prefs(true), prefs(true)],
      'PUT /me/preferences': [prefs(true), problem(503, 'service-unavailable', { detail: 'Try again later.' })],
    });
    const { container } = renderWithQuery(<PreferencesView />);
    const u = userEvent.setup();
    const box = (await screen.findByRole('checkbox', { name: 'Weekly digest by email' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(false);
    await u.click(box);
    expect(await screen.findByText('You will get the weekly digest by email.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ weeklyDigest: true }]);
    await waitFor(() => expect(box.checked).toBe(true));
    expect((await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations).toEqual([]);

    await u.click(box);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ weeklyDigest: true }, { weeklyDigest: false }]);
    await waitFor(() => expect(box.checked).toBe(true));
  }, 15_000);

  it('When the digest is unavailable, then the box is off and disabled and the reason is shown', async () => {
    mockFetch({ 'GET /me/preferences': prefs(false, false, 'This server sends no email (SMTP_URL is not set).') });
    renderWithQuery(<PreferencesView />);
    const box = (await screen.findByRole('checkbox', { name: 'Weekly digest by email' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
    const reason = screen.getByText('Not available: This server sends no email (SMTP_URL is not set).');
    expect(box.getAttribute('aria-describedby')).toBe(reason.id);
  });

  it('When the digest is on but has become unavailable, then it can still be turned off', async () => {
    const { calls } = mockFetch({
      'GET /me/preferences': [prefs(true, false, 'Your access to every plan has ended.'), prefs(false, false, 'Your access to every plan has ended.')],
      'PUT /me/preferences': prefs(false, false, 'Your access to every plan has ended.'),
    });
    renderWithQuery(<PreferencesView />);
    const u = userEvent.setup();
    const box = (await screen.findByRole('checkbox', { name: 'Weekly digest by email' })) as HTMLInputElement;
    expect(box.disabled).toBe(false);
    await u.click(box);
    expect(await screen.findByText('You will no longer get the weekly digest.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ weeklyDigest: false }]);
    await waitFor(() => expect(box.disabled).toBe(true));
  });
});
