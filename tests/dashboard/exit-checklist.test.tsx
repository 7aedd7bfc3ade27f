import type { ExitItem } from '@handover/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExitView } from '../../dashboard/src/features/exit/components/exit-view';
import { movedAlready } from '../../dashboard/src/features/exit/components/exit-item-moves';
import { mockFetch, problem, type Call } from './support/fetch';
import { EXIT_ITEMS, aPerson, anExitItem, exitPageRoutes } from './support/exit';
import { aPlan, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const plan = aPlan();
const card = (name: string) => {
  const li = screen.getByRole('heading', { name }).closest('li');
  if (!li) throw new Error(`no card for ${name}`);
  return li;
};
const posts = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

describe('The exit checklist', () => {
  it('When items of several kinds are listed, then they are grouped under plain kind names and the line on top counts them and names the blocking ones, earliest due first', async () => {
    mockFetch(
      exitPageRoutes({
        items: [
          anExitItem(1, 'Instagram @northwind', 'social_account', 'access_shared', { dueDate: '2026-12-20' }),
          anExitItem(2, 'Meta ads account', 'ad_account', 'verified', { dueDate: '2026-10-01' }),
          anExitItem(3, 'TikTok @northwind', 'social_account', 'listed', { dueDate: '2026-12-05' }),
          anExitItem(4, 'Brand fonts', 'brand_asset', 'agency_removed'),
        ],
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="executive" />);
    await screen.findByRole('heading', { name: 'Instagram @northwind' });
    const groups = screen.getAllByTestId('exit-group');
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual(['Social accounts (2)', 'Ad accounts (1)', 'Brand assets (1)']);
    // Within a kind: by due date, so the one due first is on top.
    expect(within(groups[0]!).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['TikTok @northwind', 'Instagram @northwind']);
    expect(screen.getByTestId('exit-summary').textContent).toBe('1 of 4 items verified; blocking: “TikTok @northwind”, “Instagram @northwind” and “Brand fonts”.');
  });

  it('When an item sits at a step, then every step is shown with the done ones ticked and the current one named in words', async () => {
    mockFetch(exitPageRoutes({ items: [anExitItem(1, 'Instagram @northwind', 'social_account', 'ownership_transferred')] }));
    renderWithQuery(<ExitView plan={plan} role="executive" />);
    const steps = within(await waitFor(() => card('Instagram @northwind'))).getByRole('list', { name: 'Steps' });
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['✓ Listed (done)', '✓ Access shared (done)', 'Ownership transferred', 'Agency removed', 'Verified']);
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, null, 'step', null, null]);
    expect(card('Instagram @northwind').textContent).toContain('Now at Ownership transferred: the team owns it.');
  });

  it('When an item shows its owner, due date and evidence, then an overdue one says so in words and the owner is the person’s name', async () => {
    const ana = aPerson(1, 'Ana Lopez');
    mockFetch(
      exitPageRoutes({
        people: [ana],
        items: [
          anExitItem(1, 'Old page', 'social_account', 'listed', { dueDate: '2000-01-03', owner: ana.id, evidence: 'Admin invite sent', evidenceUrl: 'https://example.org/ticket/1' }),
          anExitItem(2, 'Done page', 'social_account', 'verified', { dueDate: '2000-01-03' }),
        ],
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="executive" />);
    await screen.findByRole('heading', { name: 'Old page' });
    await waitFor(() => expect(card('Old page').textContent).toContain('OwnerAna Lopez'));
    expect(within(card('Old page')).getByTestId('exit-item-due').textContent).toBe('3 Jan 2000 — overdue');
    expect(within(card('Done page')).getByTestId('exit-item-due').textContent).toBe('3 Jan 2000');
    expect(card('Old page').textContent).toContain('Admin invite sent');
    expect(within(card('Old page')).getByRole('link', { name: /Evidence link for Old page/ }).getAttribute('href')).toBe('https://example.org/ticket/1');
  });

  it('When agency staff move an item one step, then the move says where it starts and carries the note', async () => {
    const before = anExitItem(1, 'Instagram @northwind', 'social_account', 'access_shared');
    const after: ExitItem = { ...before, status: 'ownership_transferred', version: 2 };
    const { calls } = mockFetch(
      exitPageRoutes({
        extra: {
          [`GET ${EXIT_ITEMS}`]: [listOf([before]), listOf([after])],
          [`POST ${EXIT_ITEMS}/${before.id}/transitions`]: { status: 200, body: after },
        },
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="agency" />);
    await screen.findByRole('heading', { name: 'Instagram @northwind' });
    const user = userEvent.setup();
    await user.type(within(card('Instagram @northwind')).getByLabelText('Note for the move of Instagram @northwind'), 'Owner role moved');
    await user.click(within(card('Instagram @northwind')).getByRole('button', { name: /Move to ownership transferred/ }));
    await waitFor(() => expect(within(card('Instagram @northwind')).getByRole('status').textContent).toBe('“Instagram @northwind” is now at “Ownership transferred”.'));
    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0]!.body).toEqual({ to: 'ownership_transferred', from: 'access_shared', note: 'Owner role moved' });
    // No back move for agency staff, and the card says why.
    expect(within(card('Instagram @northwind')).queryByRole('button', { name: /Back to/ })).toBeNull();
  });

  it('When a move button is double-clicked, then the item moves one step', async () => {
    const before = anExitItem(1, 'Ads', 'ad_account', 'listed');
    const after: ExitItem = { ...before, status: 'access_shared', version: 2 };
    const { calls } = mockFetch(
      exitPageRoutes({ extra: { [`GET ${EXIT_ITEMS}`]: [listOf([before]), listOf([after])], [`POST ${EXIT_ITEMS}/${before.id}/transitions`]: { status: 200, body: after } } }),
    );
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    await screen.findByRole('heading', { name: 'Ads' });
    await userEvent.setup().dblClick(within(card('Ads')).getByRole('button', { name: /Move to access shared/ }));
    await waitFor(() => expect(within(card('Ads')).getByRole('button', { name: /Move to ownership transferred/ })).toBeTruthy());
    fireEvent.click(within(card('Ads')).getByRole('button', { name: /Move to ownership transferred/ }), { detail: 2 });
    await new Promise((r) => setTimeout(r, 50));
    expect(posts(calls)).toHaveLength(1);
  });

  it('When someone moved the item meanwhile (409), then the card says so and the checklist is read again', async () => {
    const before = anExitItem(1, 'Instagram @northwind', 'social_account', 'listed');
    const now: ExitItem = { ...before, status: 'access_shared', version: 2 };
    const { calls } = mockFetch(
      exitPageRoutes({
        extra: {
          [`GET ${EXIT_ITEMS}`]: [listOf([before]), listOf([now])],
          [`POST ${EXIT_ITEMS}/${before.id}/transitions`]: problem(409, 'stale-transition', { detail: 'The item is at access_shared, not listed.' }),
        },
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    await screen.findByRole('heading', { name: 'Instagram @northwind' });
    await userEvent.setup().click(within(card('Instagram @northwind')).getByRole('button', { name: /Move to access shared/ }));
    const alert = await within(card('Instagram @northwind')).findByRole('alert');
    expect(alert.textContent).toBe(movedAlready('Instagram @northwind'));
    expect(alert.textContent).toContain('Someone moved “Instagram @northwind” already; the checklist is refreshed');
    expect(document.activeElement).toBe(alert);
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.url.includes('/exit-items'))).toHaveLength(2));
    await waitFor(() => expect(within(card('Instagram @northwind')).getByRole('list', { name: 'Steps' }).querySelector('[aria-current]')?.textContent).toContain('Access shared'));
  });

  it('When a lead looks at an item the agency removed itself from, then Verify and a move back are offered; agency staff are told only a lead can', async () => {
    const item = anExitItem(1, 'Ads', 'ad_account', 'agency_removed');
    mockFetch(exitPageRoutes({ items: [item] }));
    const lead = renderWithQuery(<ExitView plan={plan} role="lead" />);
    await screen.findByRole('heading', { name: 'Ads' });
    expect(within(card('Ads')).getByRole('button', { name: 'Verify — Ads' })).toBeTruthy();
    expect(within(card('Ads')).getByRole('button', { name: 'Back to ownership transferred — Ads' })).toBeTruthy();
    lead.unmount();
    mockFetch(exitPageRoutes({ items: [item] }));
    renderWithQuery(<ExitView plan={plan} role="agency" />);
    await screen.findByRole('heading', { name: 'Ads' });
    expect(within(card('Ads')).queryByRole('button', { name: /Verify|Back to|Move/ })).toBeNull();
    expect(card('Ads').textContent).toContain('Only a lead can verify it or move it back.');
  });

  it('When the API refuses evidence that looks like a credential, then its message shows by the evidence field and nothing else', async () => {
    const message = 'looks like a credential: keep passwords and tokens out of the evidence';
    const { calls } = mockFetch(
      exitPageRoutes({
        people: [aPerson(1, 'Ana Lopez')],
        extra: { [`POST ${EXIT_ITEMS}`]: problem(422, 'validation-failed', { detail: 'The evidence was refused.', errors: [{ path: 'evidence', message }] }) },
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="agency" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add an item' }));
    const form = screen.getByRole('form', { name: 'Add an item to the checklist' });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'Ad account');
    await user.type(within(form).getByLabelText('Name'), 'Meta ads');
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Ana Lopez' })).toBeTruthy());
    await user.selectOptions(within(form).getByLabelText('Owner (optional)'), 'Ana Lopez');
    await user.type(within(form).getByLabelText('Evidence note (optional)'), 'password: hunter2');
    await user.click(within(form).getByRole('button', { name: 'Add item' }));
    const evidence = within(form).getByLabelText('Evidence note (optional)');
    await waitFor(() => expect(evidence.getAttribute('aria-invalid')).toBe('true'));
    const field = evidence.closest('.field')!;
    expect(field.querySelector('.field__error')?.textContent).toBe(message);
    expect(evidence.getAttribute('aria-describedby')).toContain(field.querySelector('.field__error')!.id);
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(posts(calls)[0]!.body).toEqual({ kind: 'ad_account', name: 'Meta ads', channel: null, owner: aPerson(1, 'Ana Lopez').id, dueDate: null, evidence: 'password: hunter2', evidenceUrl: null });
    expect(posts(calls)[0]!.headers['Idempotency-Key']).toBeTruthy();
  });

  it('When evidence is edited, then it is sent with If-Match; a credential refusal shows by the field, and a newer version closes the form and says so', async () => {
    const item = anExitItem(1, 'Ads', 'ad_account', 'access_shared', { version: 4, evidence: 'old note' });
    const { calls } = mockFetch(
      exitPageRoutes({
        items: [item],
        extra: {
          [`PATCH ${EXIT_ITEMS}/${item.id}`]: [
            problem(422, 'validation-failed', { errors: [{ path: 'evidence', message: 'looks like a credential' }] }),
            problem(412, 'precondition-failed'),
          ],
        },
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="agency" />);
    await screen.findByRole('heading', { name: 'Ads' });
    const user = userEvent.setup();
    await user.click(within(card('Ads')).getByRole('button', { name: 'Edit evidence of Ads' }));
    const note = within(card('Ads')).getByLabelText('Evidence note');
    expect(document.activeElement).toBe(note);
    await user.clear(note);
    await user.type(note, 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    await user.click(within(card('Ads')).getByRole('button', { name: 'Save evidence' }));
    await waitFor(() => expect(note.closest('.field')?.querySelector('.field__error')?.textContent).toBe('looks like a credential'));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers['If-Match']).toBe('"4"');
    expect(patch.body).toEqual({ evidence: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789', evidenceUrl: null });
    await user.click(within(card('Ads')).getByRole('button', { name: 'Save evidence' }));
    expect(await within(card('Ads')).findByText(/Someone else changed “Ads” after you opened it/)).toBeTruthy();
    expect(within(card('Ads')).queryByRole('button', { name: 'Save evidence' })).toBeNull();
  });

  it('When a lead edits an item, then only the changed fields are sent with If-Match, and deleting asks first', async () => {
    const ana = aPerson(1, 'Ana Lopez');
    const item = anExitItem(1, 'Ads', 'ad_account', 'access_shared', { version: 7, dueDate: '2026-12-01', evidence: 'Invite sent' });
    const { calls } = mockFetch(
      exitPageRoutes({
        items: [item],
        people: [ana],
        extra: {
          [`PATCH ${EXIT_ITEMS}/${item.id}`]: { status: 200, body: { ...item, dueDate: '2026-12-15', owner: ana.id, version: 8 } },
          [`DELETE ${EXIT_ITEMS}/${item.id}`]: { status: 204 },
        },
      }),
    );
    renderWithQuery(<ExitView plan={plan} role="lead" />);
    await screen.findByRole('heading', { name: 'Ads' });
    const user = userEvent.setup();
    expect(within(card('Ads')).queryByRole('button', { name: /Edit evidence/ })).toBeNull();
    await user.click(within(card('Ads')).getByRole('button', { name: 'Edit Ads' }));
    const form = within(card('Ads')).getByRole('form', { name: 'Edit Ads' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
    const due = within(form).getByLabelText('Due date (optional)');
    await user.clear(due);
    await user.type(due, '2026-12-15');
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Ana Lopez' })).toBeTruthy());
    await user.selectOptions(within(form).getByLabelText('Owner (optional)'), 'Ana Lopez');
    await user.click(within(form).getByRole('button', { name: 'Save item' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers['If-Match']).toBe('"7"');
    expect(patch.body).toEqual({ dueDate: '2026-12-15', owner: ana.id });
    expect(await within(card('Ads')).findByText('Saved “Ads”.')).toBeTruthy();
    await user.click(within(card('Ads')).getByRole('button', { name: 'Delete Ads' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete Ads?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted “Ads” from the checklist.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'DELETE')?.headers['If-Match']).toBe('"7"');
  });

  it('When an executive looks, then the checklist is read-only', async () => {
    mockFetch(exitPageRoutes({ items: [anExitItem(1, 'Ads', 'ad_account', 'listed')] }));
    renderWithQuery(<ExitView plan={plan} role="executive" />);
    await screen.findByRole('heading', { name: 'Ads' });
    expect(screen.queryByRole('button', { name: /Add an item|Move|Verify|Edit|Delete|Record a session|End the agency/ })).toBeNull();
  });
});
