import type { User } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersPanel } from '../../dashboard/src/features/plans/components/members-panel';
import { PeopleSection } from '../../dashboard/src/features/skills/components/people-section';
import { useNotice } from '../../dashboard/src/lib/notice';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aMember, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const lena = aMember('11111111-1111-4111-8111-111111111111', 'Lena Lead', 'lead');
const dana = aMember('22222222-2222-4222-8222-222222222222', 'Dana Diaz', 'executive');
const omar = aMember('33333333-3333-4333-8333-333333333333', 'Omar Agency', 'agency');
const user = (m: { userId: string; name: string; email: string }): User => ({ id: m.userId, name: m.name, email: m.email, isAdmin: false, active: true, createdAt: '2026-01-01T00:00:00.000Z' });
const members = `/plans/${PLAN}/members`;

describe('MembersPanel', () => {
  it('When Remove is pressed, then it asks first: Cancel keeps the member and returns focus, Remove removes them', async () => {
    const { calls } = mockFetch({
      [`GET ${members}`]: [listOf([lena, dana]), listOf([lena])],
      [`DELETE ${members}/${dana.userId}`]: { status: 204 },
    });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit />);
    const u = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Remove Dana Diaz' });
    await u.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Remove Dana Diaz?' });
    expect(dialog.textContent).toContain('will no longer see this plan');
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    await u.click(button);
    await u.click(within(screen.getByRole('dialog', { name: 'Remove Dana Diaz?' })).getByRole('button', { name: 'Remove' }));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toBe('Dana Diaz was removed from the plan.');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('When an admin adds a member, then only users who are not members are offered', async () => {
    mockFetch({ [`GET ${members}`]: listOf([lena, dana]) });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit users={[user(lena), user(dana), user(omar)]} />);
    await screen.findByRole('row', { name: /Dana Diaz/ });
    const options = within(screen.getByRole('form', { name: 'Add a member' })).getAllByRole('option');
    expect(options.map((o) => o.textContent).filter((t) => t !== 'Choose…' && !/^(Administrator|Project lead|Executive|Agency staff)$/.test(t ?? ''))).toEqual([
      'Omar Agency (omar@example.org)',
    ]);
  });

  it('When the only lead would be demoted, then the refusal shows in their row with focus, and nothing is sent', async () => {
    const { calls } = mockFetch({ [`GET ${members}`]: listOf([lena, dana]) });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit />);
    await userEvent.setup().selectOptions(await screen.findByLabelText('Role of Lena Lead'), 'executive');
    const row = screen.getByRole('row', { name: /Lena Lead/ });
    const alert = within(row).getByRole('alert');
    expect(alert.textContent).toBe('A plan needs at least one lead: make someone else a lead first.');
    expect(document.activeElement).toBe(alert);
    expect((screen.getByLabelText('Role of Lena Lead') as HTMLSelectElement).value).toBe('lead');
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('When the server refuses with last-lead (409), then the row says why', async () => {
    const kim = aMember('44444444-4444-4444-8444-444444444444', 'Kim Lead', 'lead');
    mockFetch({ [`GET ${members}`]: listOf([lena, kim]), [`PUT ${members}/${kim.userId}`]: problem(409, 'last-lead', { detail: 'The plan would have no lead.' }) });
    renderWithQuery(<MembersPanel planId={PLAN} canEdit />);
    await userEvent.setup().selectOptions(await screen.findByLabelText('Role of Kim Lead'), 'agency');
    const row = screen.getByRole('row', { name: /Kim Lead/ });
    expect((await within(row).findByRole('alert')).textContent).toBe('A plan needs at least one lead: make someone else a lead first.');
  });
});

function People() {
  const notices = useNotice();
  return <PeopleSection planId={PLAN} canEdit notices={notices} />;
}

describe('PeopleSection', () => {
  it('When a person is removed, then it asks first and says their assessments go too', async () => {
    const { calls } = mockFetch({
      [`GET /plans/${PLAN}/people`]: { status: 200, body: { items: [{ id: '55555555-5555-4555-8555-555555555555', planId: PLAN, name: 'Ana Lopez', title: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }], total: 1, limit: 200, offset: 0 } },
    });
    renderWithQuery(<People />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Remove Ana Lopez' }));
    expect(screen.getByRole('dialog', { name: 'Remove Ana Lopez?' }).textContent).toContain('every assessment of Ana Lopez is deleted too');
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
  });
});
