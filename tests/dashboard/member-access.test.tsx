import type { User } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersPanel } from '../../dashboard/src/features/plans/components/members-panel';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aMember, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const members = `/plans/${PLAN}/members`;
const lena = aMember('11111111-1111-4111-8111-111111111111', 'Lena Lead', 'lead');
// Follows the plan's contract end (no date of its own).
const omar = { ...aMember('33333333-3333-4333-8333-333333333333', 'Omar Agency', 'agency'), effectiveAccessUntil: '2099-02-15' };
// Left the plan: their own date is past.
const eva = { ...aMember('44444444-4444-4444-8444-444444444444', 'Eva Exec', 'executive'), accessUntil: '2020-03-01', effectiveAccessUntil: '2020-03-01' };
const user = (id: string, name: string): User => ({ id, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.org`, isAdmin: false, active: true, createdAt: '2026-01-01T00:00:00.000Z' });

const accessCell = (name: string) => within(screen.getByRole('row', { name: new RegExp(name) })).getAllByRole('cell')[2]!;

describe('MembersPanel: access ends', () => {
  it('When members are listed, then each shows when their access ends: the contract end, no end, or ended', async () => {
    mockFetch({ [`GET ${members}`]: listOf([lena, omar, eva]) });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit={false} contractEndDate="2099-02-15" />);
    await screen.findByRole('row', { name: /Omar Agency/ });
    expect(screen.getByRole('columnheader', { name: 'Access until' })).toBeTruthy();
    expect(accessCell('Lena Lead').textContent).toBe('No end');
    expect(accessCell('Omar Agency').textContent).toBe('15 Feb 2099 (contract end)');
    expect(accessCell('Eva Exec').textContent).toBe('Access ended 1 Mar 2020');
    expect(screen.queryByRole('button', { name: /Change access end/ })).toBeNull();
  });

  it('When a lead sets and then clears an access end, then the whole membership is sent with it and the list is read again', async () => {
    const { calls } = mockFetch({
      [`GET ${members}`]: [listOf([lena, omar]), listOf([lena, { ...omar, accessUntil: '2099-01-31', effectiveAccessUntil: '2099-01-31' }]), listOf([lena, omar])],
      [`PUT ${members}/${omar.userId}`]: { status: 200, body: omar },
    });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit contractEndDate="2099-02-15" />);
    const u = userEvent.setup();
    const change = await screen.findByRole('button', { name: 'Change access end of Omar Agency' });
    await u.click(change);
    const dialog = screen.getByRole('dialog', { name: 'Access end for Omar Agency' });
    const input = within(dialog).getByLabelText('Access until (optional)');
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    expect(dialog.textContent).toContain('Left empty, agency staff follow the contract end (15 Feb 2099).');
    await u.type(input, '2099-01-31');
    await u.click(within(dialog).getByRole('button', { name: 'Save access end' }));
    expect((await screen.findByRole('status')).textContent).toBe('Omar Agency has access until 31 Jan 2099.');
    await waitFor(() => expect(accessCell('Omar Agency').textContent).toContain('31 Jan 2099'));
    expect(accessCell('Omar Agency').textContent).not.toContain('contract end');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change access end of Omar Agency' }));

    await u.click(screen.getByRole('button', { name: 'Change access end of Omar Agency' }));
    const again = screen.getByRole('dialog', { name: 'Access end for Omar Agency' });
    expect((within(again).getByLabelText('Access until (optional)') as HTMLInputElement).value).toBe('2099-01-31');
    await u.clear(within(again).getByLabelText('Access until (optional)'));
    await u.click(within(again).getByRole('button', { name: 'Save access end' }));
    await waitFor(() => expect(accessCell('Omar Agency').textContent).toContain('(contract end)'));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { role: 'agency', accessUntil: '2099-01-31' },
      { role: 'agency', accessUntil: null },
    ]);
  });

  it('When a member with an access end gets a new role, then the access end is sent with it, not lost', async () => {
    const kim = { ...aMember('55555555-5555-4555-8555-555555555555', 'Kim Exec', 'executive'), accessUntil: '2099-06-30', effectiveAccessUntil: '2099-06-30' };
    const { calls } = mockFetch({ [`GET ${members}`]: listOf([lena, kim]), [`PUT ${members}/${kim.userId}`]: { status: 200, body: kim } });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit />);
    await userEvent.setup().selectOptions(await screen.findByLabelText('Role of Kim Exec'), 'agency');
    await screen.findByRole('status');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ role: 'agency', accessUntil: '2099-06-30' });
  });

  it('When the server refuses an access end, then the refusal shows in the row and takes the focus', async () => {
    mockFetch({
      [`GET ${members}`]: listOf([lena, omar]),
      [`PUT ${members}/${omar.userId}`]: problem(422, 'validation', { detail: 'The request is invalid.', errors: [{ path: 'accessUntil', message: 'must be a date YYYY-MM-DD' }] }),
    });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Change access end of Omar Agency' }));
    await u.type(within(screen.getByRole('dialog')).getByLabelText('Access until (optional)'), '2099-01-31');
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save access end' }));
    const alert = await within(screen.getByRole('row', { name: /Omar Agency/ })).findByRole('alert');
    expect(alert.textContent).toBe('The request is invalid.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });

  it('When an admin adds a member with an access end, then it is sent, and the hint says (for agency staff) they follow the contract end when it is left empty', async () => {
    const dana = user('22222222-2222-4222-8222-222222222222', 'Dana Diaz');
    const { calls } = mockFetch({
      [`GET ${members}`]: listOf([lena]),
      [`PUT ${members}/${dana.id}`]: { status: 200, body: aMember(dana.id, dana.name, 'agency') },
    });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit users={[dana]} contractEndDate="2099-02-15" />);
    const u = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Add a member' });
    const date = within(form).getByLabelText('Access until (optional)');
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('From this date on they no longer see the plan. Left empty, there is no end.');
    await u.selectOptions(within(form).getByLabelText('Role'), 'agency');
    expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toContain('Left empty, agency staff follow the contract end (15 Feb 2099).');
    await u.selectOptions(within(form).getByLabelText('User'), dana.id);
    await u.type(date, '2099-01-15');
    await u.click(within(form).getByRole('button', { name: 'Add member' }));
    expect((await screen.findByRole('status')).textContent).toBe('Dana Diaz was added as agency staff.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ role: 'agency', accessUntil: '2099-01-15' });
  });
});
