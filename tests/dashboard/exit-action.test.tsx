import { gateLabel, type Summary } from '@handover/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExitView, exitDoneText } from '../../dashboard/src/features/exit/components/exit-view';
import { OverviewScreen } from '../../dashboard/src/features/overview/components/overview-screen';
import { formatDate, todayIso } from '../../dashboard/src/lib/format';
import { mockFetch, problem, type Call } from './support/fetch';
import { EXIT, aKtSession, anExitItem, anExitResult, exitPageRoutes } from './support/exit';
import { PLAN, aMember, aPlan, aSummary, listOf } from './support/fixtures';
import { renderExitPage } from './support/exit-page';
import { renderWithQuery } from './support/render';

const plan = aPlan();
const allMet = (): Summary => {
  const s = aSummary();
  return { ...s, gates: s.gates.map((g) => ({ ...g, met: true })), exitReady: true };
};
const members = listOf([
  aMember('00000000-0000-4000-8000-0000000000b1', 'Ana Agency', 'agency'),
  aMember('00000000-0000-4000-8000-0000000000b2', 'Bo Agency', 'agency'),
  // Her access already ended: the exit takes nothing from her.
  { ...aMember('00000000-0000-4000-8000-0000000000b3', 'Cy Former', 'agency'), accessUntil: '2000-01-01', effectiveAccessUntil: '2000-01-01' },
  aMember('00000000-0000-4000-8000-0000000000b4', 'Lena Lead', 'lead'),
]);

async function openDialog() {
  const user = userEvent.setup();
  const button = await screen.findByRole('button', { name: 'End the agency arrangement…' });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await user.click(button);
  return { user, dialog: screen.getByRole('dialog', { name: 'End the agency arrangement?' }) };
}
const exitPosts = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/exit'));

describe('Ending the agency', () => {
  it('When a lead opens the exit dialog, then it lists what will happen (the agency members who lose access at once) and the gates still open', async () => {
    mockFetch(exitPageRoutes({ extra: { [`GET /plans/${PLAN}/members`]: members } }));
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    const { dialog } = await openDialog();
    expect(within(dialog).getAllByRole('listitem').slice(0, 6).map((li) => li.textContent)).toEqual([
      `The exit is recorded as done today, ${formatDate(todayIso())}.`,
      '2 agency members lose access at once: the plan is gone from their list.',
      'Their API tokens for this plan are revoked.',
      'A final snapshot of the status is taken.',
      'Webhooks receive plan.exited.',
      'If a lead lets agency staff back in later, they can read but not change anything.',
    ]);
    const gates = within(dialog).getByTestId('exit-open-gates');
    expect(gates.textContent).toContain('4 gates are still open:');
    expect(within(gates).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'In-house share sustained',
      'Every handover accepted',
      'Every milestone done',
      'Every exit item verified',
    ]);
    expect(within(dialog).getByLabelText('Reason for ending with gates open')).toBeTruthy();
  });

  it('When gates are open and no reason is given, then nothing is sent and the reason field says why; with a reason the exit is sent as an override', async () => {
    const { calls } = mockFetch(
      exitPageRoutes({ extra: { [`GET /plans/${PLAN}/members`]: members, [`POST ${EXIT}`]: { status: 200, body: anExitResult({ unmetGates: ['posts_share'], overrideReason: 'Contract ends Friday' }) } } }),
    );
    renderWithQuery(<ExitView plan={plan} role="admin" />);
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('checkbox', { name: /I understand/ }));
    await user.click(within(dialog).getByRole('button', { name: 'End it with gates open' }));
    const reason = within(dialog).getByLabelText('Reason for ending with gates open');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.closest('.field')?.querySelector('.field__error')?.textContent).toBe('Give the reason for ending the agency with gates still open.');
    expect(document.activeElement).toBe(reason);
    expect(exitPosts(calls)).toHaveLength(0);
    await user.type(reason, '  Contract ends Friday ');
    await user.click(within(dialog).getByRole('button', { name: 'End it with gates open' }));
    await waitFor(() => expect(exitPosts(calls)).toHaveLength(1));
    expect(exitPosts(calls)[0]!.body).toEqual({ confirm: true, override: { reason: 'Contract ends Friday' } });
  });

  it('When the box is not ticked, then nothing is sent', async () => {
    const { calls } = mockFetch(exitPageRoutes({ extra: { [`GET /plans/${PLAN}/summary`]: { status: 200, body: allMet() } } }));
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    const { user, dialog } = await openDialog();
    expect(within(dialog).queryByLabelText('Reason for ending with gates open')).toBeNull();
    expect(within(dialog).getByText('Every gate is met.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'End the agency arrangement' }));
    const box = within(dialog).getByRole('checkbox', { name: /I understand/ });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Tick the box to confirm.')).toBeTruthy();
    expect(exitPosts(calls)).toHaveLength(0);
  });

  it('When the server refuses with 409 naming open gates (the page was out of date), then the dialog lists them, a gate it does not know by its key, and asks for a reason', async () => {
    const { calls } = mockFetch(
      exitPageRoutes({
        extra: {
          [`GET /plans/${PLAN}/summary`]: { status: 200, body: allMet() },
          [`POST ${EXIT}`]: problem(409, 'conflict', { detail: 'Gates are not met.', unmetGates: ['milestones_done', 'exit_items_verified'] }),
        },
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('checkbox', { name: /I understand/ }));
    await user.click(within(dialog).getByRole('button', { name: 'End the agency arrangement' }));
    const gates = await within(dialog).findByTestId('exit-open-gates');
    expect(within(gates).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Every milestone done', gateLabel('exit_items_verified')]);
    expect(within(dialog).getByRole('alert').textContent).toContain('The exit was refused: 2 gates are still open');
    expect(within(dialog).getByLabelText('Reason for ending with gates open')).toBeTruthy();
    expect(exitPosts(calls)[0]!.body).toEqual({ confirm: true });
  });

  it('When Escape is pressed (the dialog is cancelled), then it closes and nothing is sent', async () => {
    const { calls } = mockFetch(exitPageRoutes({}));
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    const { dialog } = await openDialog();
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(dialog.hasAttribute('open')).toBe(false));
    expect(exitPosts(calls)).toHaveLength(0);
  });

  it('When the exit is done, then the page says what it did, shows the exited banner with the reason, and the exit action is gone', async () => {
    const result = anExitResult({ unmetGates: ['posts_share'], overrideReason: 'Contract ends Friday' });
    mockFetch(exitPageRoutes({ extra: { [`POST ${EXIT}`]: { status: 200, body: result }, [`GET /plans/${PLAN}`]: { status: 200, body: plan } } }));
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByLabelText('Reason for ending with gates open'), 'Contract ends Friday');
    await user.click(within(dialog).getByRole('checkbox', { name: /I understand/ }));
    await user.click(within(dialog).getByRole('button', { name: 'End it with gates open' }));
    const banner = await screen.findByTestId('exited-banner');
    expect(banner.textContent).toContain('The agency exit was done on 30 Nov 2026.');
    expect(banner.textContent).toContain('Reason given: “Contract ends Friday”');
    const done = screen.getByText(exitDoneText(result));
    expect(done.textContent).toBe('The agency arrangement ended on 1 Dec 2026: 2 agency members lost access at once, 3 plan API tokens were revoked, and a final snapshot was taken.');
    expect(exitDoneText(anExitResult({ agencyMembershipsEnded: 1, tokensRevoked: 0 }))).toBe(
      'The agency arrangement ended on 1 Dec 2026: 1 agency member lost access at once, no plan API token was left to revoke, and a final snapshot was taken.',
    );
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.queryByRole('button', { name: 'End the agency arrangement…' })).toBeNull();
  });

  it('When agency staff open the page of an exited plan, then they read the checklist and sessions but every write control is gone', async () => {
    const exited = { ...plan, exitedAt: '2026-11-30T10:00:00.000Z', exitOverrideReason: null };
    mockFetch(exitPageRoutes({ items: [anExitItem(1, 'Ads', 'ad_account', 'access_shared')], sessions: [aKtSession(1)] }));
    renderExitPage('agency', exited);
    expect((await screen.findByTestId('exited-banner')).textContent).toContain('The agency exit was done on 30 Nov 2026.');
    await screen.findByRole('heading', { name: 'Ads' });
    await screen.findByText('Community replies');
    expect(screen.queryByRole('button', { name: /Add an item|Move|Edit evidence|Record a session|End the agency/ })).toBeNull();
    expect(screen.queryByText(/Only a lead can/)).toBeNull();
  });

  it('When the page opens, then its top links to its sections, the exit action only for those who may end the agency; a link moves the focus to its heading', async () => {
    mockFetch(exitPageRoutes({}));
    const view = renderWithQuery(<ExitView plan={plan} role="lead" />);
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Checklist', 'Knowledge-transfer sessions', 'End the agency arrangement']);
    await userEvent.setup().click(within(nav).getByRole('link', { name: 'Knowledge-transfer sessions' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Knowledge-transfer sessions' }));
    view.unmount();
    mockFetch(exitPageRoutes({}));
    renderWithQuery(<ExitView plan={plan} role="agency" />);
    expect(within(screen.getByRole('navigation', { name: 'On this page' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['Checklist', 'Knowledge-transfer sessions']);
  });

  it('When a lead opens the page of an exited plan, then the checklist stays editable and the exit is not offered again', async () => {
    const exited = { ...plan, exitedAt: '2026-11-30T10:00:00.000Z' };
    mockFetch(exitPageRoutes({ items: [anExitItem(1, 'Ads', 'ad_account', 'agency_removed')] }));
    renderWithQuery(<ExitView plan={exited} role="lead" />);
    await screen.findByRole('heading', { name: 'Ads' });
    expect(screen.getByRole('button', { name: 'Verify — Ads' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'End the agency arrangement…' })).toBeNull();
  });

  it('When the plan is exited, then the overview says when, with the reason given; before, it says nothing of it', async () => {
    const routes = { [`GET /plans/${PLAN}/summary`]: problem(503, 'unavailable') };
    mockFetch(routes);
    const exited = { ...plan, exitedAt: '2026-11-30T10:00:00.000Z', exitOverrideReason: 'Contract ends Friday' };
    const view = renderWithQuery(<OverviewScreen plan={exited} canReadMatrix canEdit />, { route: `/plans/${PLAN}` });
    const banner = await screen.findByTestId('exited-banner');
    expect(banner.textContent).toBe('The agency exit was done on 30 Nov 2026. The agency side is read-only.Ended with gates still open. Reason given: “Contract ends Friday”');
    view.unmount();
    mockFetch(routes);
    renderWithQuery(<OverviewScreen plan={plan} canReadMatrix canEdit />, { route: `/plans/${PLAN}` });
    await screen.findByRole('heading', { name: 'Can the agency go, and when?' });
    expect(screen.queryByTestId('exited-banner')).toBeNull();
  });
});
