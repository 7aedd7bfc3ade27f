import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RosterEntry } from '@handover/shared';
import { RosterView } from '../../dashboard/src/features/roster/components/roster-view';
import { toUpdateRosterEntry, entryToValues } from '../../dashboard/src/features/roster/utils/roster';
import { mockFetch, problem, type Call } from './support/fetch';
import { PLAN, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const ME = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';
const ROSTER = `/plans/${PLAN}/roster`;
const at = '2026-01-01T00:00:00.000Z';

const anEntry = (n: number, over: Partial<RosterEntry> = {}): RosterEntry => ({
  id: `66666666-6666-4666-8666-66666666666${n}`,
  planId: PLAN,
  kind: 'author',
  match: `person${n}@example.org`,
  side: 'in_house',
  from: null,
  to: null,
  note: null,
  createdBy: OTHER,
  version: 1,
  createdAt: at,
  updatedAt: at,
  ...over,
});

const sam = anEntry(1, { match: 'sam@agency.example', side: 'agency', createdBy: ME, note: 'Account lead' });
const cafe = anEntry(2, { kind: 'channel', match: '@cafenord', side: 'agency', to: '2026-03-31' });
const ana = anEntry(3, { match: 'ana@cafe.example' });

const lead = { mode: 'all' as const, userId: OTHER };
const agency = { mode: 'own' as const, userId: ME };

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('RosterView', () => {
  it('When a lead opens the roster, then entries list authors before channels with their side and dates, and the kind filter keeps one kind', async () => {
    mockFetch({ [`GET ${ROSTER}`]: listOf([cafe, sam, ana]) });
    renderWithQuery(<RosterView planId={PLAN} access={lead} />);
    const table = await screen.findByRole('table', { name: '3 roster entries' });
    const matches = within(table).getAllByRole('rowheader').map((c) => c.textContent);
    expect(matches).toEqual(['ana@cafe.example', 'sam@agency.example', '@cafenord']);
    expect(rowOf('@cafenord').textContent).toContain('Account or channel');
    expect(rowOf('@cafenord').textContent).toContain('31 Mar 2026');
    expect(rowOf('sam@agency.example').textContent).toContain('Account lead');
    await userEvent.setup().selectOptions(screen.getByLabelText('Show'), 'channel');
    expect(within(screen.getByRole('table', { name: '1 roster entry' })).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['@cafenord']);
  });

  it('When a lead adds a channel entry, then it is posted with an idempotency key and only the fields given, and the list is refreshed', async () => {
    let items: RosterEntry[] = [ana];
    const { calls } = mockFetch({
      [`GET ${ROSTER}`]: () => listOf(items),
      [`POST ${ROSTER}`]: (call: Call) => {
        const created = anEntry(4, call.body as Partial<RosterEntry>);
        items = [...items, created];
        return { status: 201, body: created };
      },
    });
    renderWithQuery(<RosterView planId={PLAN} access={lead} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add an entry' }));
    await user.selectOptions(screen.getByLabelText('Kind'), 'channel');
    await user.type(screen.getByLabelText('Match'), '@cafenord');
    await user.selectOptions(screen.getByLabelText('Side'), 'agency');
    await user.type(screen.getByLabelText('To (optional)'), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Add entry' }));
    expect((await screen.findByText('Added “@cafenord” to the roster as agency.')).getAttribute('role')).toBe('status');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ kind: 'channel', match: '@cafenord', side: 'agency', to: '2026-03-31' });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    await screen.findByRole('table', { name: '2 roster entries' });
  });

  it('When the match is left blank, then the shared schema refuses it on the field and nothing is sent', async () => {
    const { calls } = mockFetch({ [`GET ${ROSTER}`]: listOf([]) });
    renderWithQuery(<RosterView planId={PLAN} access={lead} />);
    const user = userEvent.setup();
    expect(await screen.findByText('The roster is empty')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add an entry' }));
    await user.click(screen.getByRole('button', { name: 'Add entry' }));
    expect(await screen.findByText('must not be empty')).toBeTruthy();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('When a lead edits an entry, then only the changed fields are sent with If-Match; when someone else saved first, then the list is reloaded and says so', async () => {
    const { calls } = mockFetch({
      [`GET ${ROSTER}`]: [listOf([ana]), listOf([{ ...ana, side: 'agency', version: 2 }])],
      [`PATCH ${ROSTER}/${ana.id}`]: problem(412, 'precondition-failed', { detail: 'Stale version.' }),
    });
    renderWithQuery(<RosterView planId={PLAN} access={lead} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit ana@cafe.example' }));
    const note = screen.getByLabelText('Note (optional)');
    await user.type(note, 'Social lead');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect((await screen.findByText(/Someone else changed “ana@cafe.example” after you opened it/)).getAttribute('role')).toBe('status');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ note: 'Social lead' });
    expect(patch.headers['If-Match']).toBe('"1"');
    await waitFor(() => expect(rowOf('ana@cafe.example').textContent).toContain('Agency'));
    expect(screen.queryByRole('form', { name: /Edit/ })).toBeNull();
  });

  it('When a lead deletes an entry, then it asks first and sends DELETE with the version read', async () => {
    let items = [ana, sam];
    const { calls } = mockFetch({
      [`GET ${ROSTER}`]: () => listOf(items),
      [`DELETE ${ROSTER}/${sam.id}`]: () => {
        items = [ana];
        return { status: 204 };
      },
    });
    renderWithQuery(<RosterView planId={PLAN} access={lead} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete sam@agency.example' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete sam@agency.example?' });
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/Deleted “sam@agency.example”/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'DELETE')!.headers['If-Match']).toBe('"1"');
    await screen.findByRole('table', { name: '1 roster entry' });
  });

  it('When agency staff open the roster, then they add authors on the agency side only and may change only the entries they created', async () => {
    mockFetch({ [`GET ${ROSTER}`]: listOf([ana, sam, cafe]) });
    renderWithQuery(<RosterView planId={PLAN} access={agency} />);
    const user = userEvent.setup();
    await screen.findByRole('table');
    expect(within(rowOf('sam@agency.example')).getByRole('button', { name: 'Edit sam@agency.example' })).toBeTruthy();
    expect(within(rowOf('ana@cafe.example')).queryAllByRole('button')).toHaveLength(0);
    expect(within(rowOf('@cafenord')).queryAllByRole('button')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Add an entry' }));
    expect([...(screen.getByLabelText('Kind') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['author']);
    expect([...(screen.getByLabelText('Side') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['agency']);
  });

  it('When an executive opens the roster, then it is read only', async () => {
    mockFetch({ [`GET ${ROSTER}`]: listOf([ana, sam]) });
    renderWithQuery(<RosterView planId={PLAN} access={{ mode: 'read', userId: ME }} />);
    const table = await screen.findByRole('table');
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Add an entry' })).toBeNull();
  });

  it('When a cleared date is saved, then the patch sends null for it and nothing else', () => {
    expect(toUpdateRosterEntry({ ...entryToValues(cafe), to: '' }, cafe)).toEqual({ to: null });
  });
});
