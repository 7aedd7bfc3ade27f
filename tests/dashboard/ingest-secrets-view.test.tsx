import type { IngestSecret } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { IngestSecretsView } from '../../dashboard/src/features/ingest-secrets/components/ingest-secrets-view';
import { mockFetch, problem } from './support/fetch';
import { PLAN } from './support/fixtures';
import { renderWithQuery } from './support/render';

// docs/domain.md#receivers-and-ingest-secrets: a lead makes a receiver address for a tool, sees it once, revokes it.
const ORIGIN = 'https://handover.example.com';
const SECRET = `hoi_${'s'.repeat(43)}`;
const aSecret = (id: string, name: string, over: Partial<IngestSecret> = {}): IngestSecret => ({
  id,
  planId: PLAN,
  receiver: 'postiz',
  name,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: { id: '11111111-1111-4111-8111-111111111111', name: 'Lena Lead' },
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});
const live = aSecret('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Agency workspace', { lastUsedAt: '2026-03-02T08:00:00.000Z' });
const revoked = aSecret('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'Old Agorapulse', { receiver: 'agorapulse', revokedAt: '2026-03-01T12:00:00.000Z' });
const list = (items: IngestSecret[]) => ({ status: 200, body: { items } });
const base = `/plans/${PLAN}/ingest-secrets`;

async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('IngestSecretsView', () => {
  it('When secrets are listed, then each shows its tool, creator, last use and state; only live ones can be revoked; axe finds nothing', async () => {
    mockFetch({ [`GET ${base}`]: list([live, revoked]) });
    const { container } = renderWithQuery(<IngestSecretsView planId={PLAN} origin={ORIGIN} />);
    const row = await screen.findByRole('row', { name: /Agency workspace/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe('Postiz');
    expect(cells[1]).toMatch(/1 Mar 2026.*by Lena Lead/);
    expect(cells[2]).toMatch(/2 Mar 2026/);
    expect(cells[3]).toBe('Active');
    const old = within(screen.getByRole('row', { name: /Old Agorapulse/ })).getAllByRole('cell').map((c) => c.textContent);
    expect(old[0]).toBe('Agorapulse');
    expect(old[2]).toBe('Never');
    expect(old[3]).toMatch(/^Revoked 1 Mar 2026/);
    expect(screen.getByRole('button', { name: 'Revoke Agency workspace' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke Old Agorapulse' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('When a secret is made with the keyboard, then its full receiver address is shown once, copied, and gone when hidden', async () => {
    const created = { ...aSecret('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'EU workspace', { receiver: 'agorapulse' }), secret: SECRET, path: `/api/v1/ingest/${SECRET}/agorapulse` };
    const { calls } = mockFetch({
      [`GET ${base}`]: [list([]), list([created])],
      [`POST ${base}`]: [problem(422, 'validation-failed', { errors: [{ path: 'name', message: 'must be at most 100 characters' }] }), { status: 201, body: created }],
    });
    const { container } = renderWithQuery(<IngestSecretsView planId={PLAN} origin={ORIGIN} />);
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Create an ingest secret' });
    await screen.findByText('No ingest secrets yet');
    await u.selectOptions(within(form).getByLabelText('Tool'), 'agorapulse');
    await u.type(within(form).getByLabelText('Name (optional)'), 'EU workspace');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(within(form).getByLabelText('Name (optional)').getAttribute('aria-invalid')).toBe('true'));
    expect(form.textContent).toContain('must be at most 100 characters');

    await u.click(within(form).getByRole('button', { name: 'Create secret' }));
    const panel = await screen.findByRole('region', { name: 'Your new Agorapulse receiver “EU workspace”' });
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading')));
    const address = within(panel).getByLabelText('The Agorapulse receiver address “EU workspace”') as HTMLInputElement;
    expect(address.value).toBe(`${ORIGIN}/api/v1/ingest/${SECRET}/agorapulse`);
    expect(panel.textContent).toContain('shown only this once');
    await u.tab();
    await u.tab();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Copy address' }));
    await u.keyboard('{Enter}');
    expect(await navigator.clipboard.readText()).toBe(`${ORIGIN}/api/v1/ingest/${SECRET}/agorapulse`);
    expect(within(panel).getByRole('status').textContent).toBe('Copied to the clipboard.');
    expect(await axeViolations(container)).toEqual([]);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { receiver: 'agorapulse', name: 'EU workspace' },
      { receiver: 'agorapulse', name: 'EU workspace' },
    ]);
    await u.click(within(panel).getByRole('button', { name: 'Done, hide it' }));
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('When a secret is revoked, then it asks first, sends the revocation, and the notice takes the focus', async () => {
    const { calls } = mockFetch({
      [`GET ${base}`]: [list([live]), list([{ ...live, revokedAt: '2026-03-02T09:00:00.000Z' }])],
      [`DELETE ${base}/${live.id}`]: { status: 204 },
    });
    renderWithQuery(<IngestSecretsView planId={PLAN} origin={ORIGIN} />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Revoke Agency workspace' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke Agency workspace?' });
    expect(dialog.textContent).toContain('Postiz is refused at this address from now on');
    await u.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    const status = await screen.findByText('Revoked “Agency workspace”.');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([`/api/v1${base}/${live.id}`]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Revoke Agency workspace' })).toBeNull());
  });
});
