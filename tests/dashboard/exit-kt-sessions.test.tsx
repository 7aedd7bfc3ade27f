import type { CoverageItem } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KtSessionsSection } from '../../dashboard/src/features/exit/components/kt-sessions-section';
import { mockFetch, problem } from './support/fetch';
import { KT, aKtSession, aPerson, exitPageRoutes } from './support/exit';
import { renderExitPage } from './support/exit-page';
import { PLAN, aHandover, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const ana = aPerson(1, 'Ana Lopez');
const ben = aPerson(2, 'Ben Okafor');
const stories = aHandover('00000000-0000-4000-8000-0000000000c1', 'Instagram stories', 'shadowing');
const skill: CoverageItem = { skillId: '00000000-0000-4000-8000-0000000000d1', name: 'Community management', category: null, requiredLevel: 3, requiredPeople: 2, qualifiedPeople: 1, gap: 1, critical: true };
const lookups = {
  [`GET /plans/${PLAN}/handovers`]: listOf([stories]),
  [`GET /plans/${PLAN}/skills/coverage`]: { status: 200, body: { items: [skill], totals: { required: 2, gap: 1, closedShare: 0.5 } } },
};

describe('Knowledge-transfer sessions on the Exit page', () => {
  it('When sessions are recorded, then the page lists each with its date, method, topic, who gave it, who attended and what it served, newest first', async () => {
    mockFetch(
      exitPageRoutes({
        people: [ana, ben],
        sessions: [
          aKtSession(1, { date: '2026-11-03', topic: 'Ads manager basics', method: 'documentation' }),
          aKtSession(2, { date: '2026-11-17', topic: 'Replying to comments', method: 'reverse_shadowing', attendees: [ana.id, ben.id], handoverIds: [stories.id], skillIds: [skill.skillId] }),
        ],
        extra: lookups,
      }),
    );
    renderExitPage('executive');
    const list = await screen.findByRole('list', { name: 'Knowledge-transfer sessions, newest first' });
    expect(screen.getByText('2 sessions, newest first.')).toBeTruthy();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Replying to comments', 'Ads manager basics']);
    await waitFor(() => expect(items[0]!.textContent).toContain('Attended by Ana Lopez, Ben Okafor'));
    expect(items[0]!.textContent).toContain('17 Nov 2026 · Reverse shadowing · given by Ana (Brightside)');
    await waitFor(() => expect(items[0]!.textContent).toContain('Handovers: Instagram stories'));
    await waitFor(() => expect(items[0]!.textContent).toContain('Skills: Community management'));
    // A session that served nothing says nothing of it.
    expect(items[1]!.textContent).not.toMatch(/Handovers:|Skills:|Attended by/);
    expect(screen.queryByRole('button', { name: 'Record a session' })).toBeNull();
  });

  it('When no session is recorded yet, then the page says so', async () => {
    mockFetch(exitPageRoutes({ extra: lookups }));
    renderExitPage('agency');
    expect(await screen.findByText('No sessions recorded yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record a session' })).toBeTruthy();
  });

  it('When a session is recorded, then it is sent with the chosen people, handovers and skills and an Idempotency-Key; a refused link shows by its field', async () => {
    const { calls } = mockFetch(
      exitPageRoutes({
        people: [ana, ben],
        extra: {
          ...lookups,
          [`POST ${KT}`]: [
            problem(422, 'validation-failed', { errors: [{ path: 'materialsUrl', message: 'must be an http(s) link without a user name or password' }] }),
            { status: 201, body: aKtSession(3, { date: '2026-11-24', topic: 'Paid social' }) },
          ],
        },
      }),
    );
    renderWithQuery(<KtSessionsSection planId={PLAN} canRecord list={null} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Record a session' }));
    const form = screen.getByRole('form', { name: 'Record a knowledge-transfer session' });
    const date = within(form).getByLabelText('Date') as HTMLInputElement;
    await user.clear(date);
    await user.type(date, '2026-11-24');
    await user.type(within(form).getByLabelText('Topic'), 'Paid social');
    await user.selectOptions(within(form).getByLabelText('Method'), 'Shadowing');
    await user.type(within(form).getByLabelText('Given by'), 'Ana (Brightside)');
    await user.click(await within(form).findByRole('checkbox', { name: 'Ben Okafor' }));
    await user.click(await within(form).findByRole('checkbox', { name: 'Instagram stories' }));
    await user.click(await within(form).findByRole('checkbox', { name: 'Community management' }));
    await user.type(within(form).getByLabelText('Materials link (optional)'), 'https://drive.example.org/deck');
    await user.click(within(form).getByRole('button', { name: 'Record session' }));
    const link = within(form).getByLabelText('Materials link (optional)');
    await waitFor(() => expect(link.getAttribute('aria-invalid')).toBe('true'));
    expect(link.closest('.field')?.querySelector('.field__error')?.textContent).toBe('must be an http(s) link without a user name or password');
    await user.click(within(form).getByRole('button', { name: 'Record session' }));
    expect(await screen.findByText('Recorded the session “Paid social” of 24 Nov 2026.')).toBeTruthy();
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toEqual({
      date: '2026-11-24',
      topic: 'Paid social',
      method: 'shadowing',
      givenBy: 'Ana (Brightside)',
      attendees: [ben.id],
      handoverIds: [stories.id],
      skillIds: [skill.skillId],
      materialsUrl: 'https://drive.example.org/deck',
      notes: null,
    });
    // The retry of the same intent carries the same key, so it can never record the session twice.
    expect(sent[1]!.headers['Idempotency-Key']).toBe(sent[0]!.headers['Idempotency-Key']);
  });
});
