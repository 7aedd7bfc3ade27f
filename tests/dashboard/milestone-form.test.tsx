import type { Milestone } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MilestoneForm } from '../../dashboard/src/features/milestones/components/milestone-form';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aMember, aMilestone, listOf } from './support/fixtures';
import { renderWithQuery } from './support/render';

const base = aMilestone({ title: 'Launch the staff chat', weight: 2, version: 3 });
const other: Milestone = { ...base, id: '22222222-2222-4222-8222-222222222222', title: 'Train the editors', dependsOn: [base.id] };
const path = `/plans/${PLAN}/milestones`;

function renderForm(milestone?: Milestone) {
  const onDone = jest.fn();
  renderWithQuery(<MilestoneForm planId={PLAN} milestone={milestone} all={[base, other]} onDone={onDone} onCancel={jest.fn()} />);
  return { onDone, user: userEvent.setup() };
}

describe('MilestoneForm', () => {
  it('When required fields are empty, then the shared schema errors show on those fields and nothing is sent', async () => {
    const { calls } = mockFetch({});
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create milestone' }));
    // Both blank fields say so in the same words (a blank date is not "a bad date format").
    expect(await screen.findAllByText('must not be empty')).toHaveLength(2);
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Due date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Title').getAttribute('aria-describedby')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('When the form is valid, then it posts the shared-schema body with an Idempotency-Key', async () => {
    const { calls } = mockFetch({ [`POST ${path}`]: { status: 201, body: { ...base, id: '33333333-3333-4333-8333-333333333333', title: 'New one' } } });
    const { user, onDone } = renderForm();
    await user.type(screen.getByLabelText('Title'), 'New one');
    await user.type(screen.getByLabelText('Due date'), '2026-05-04');
    await user.clear(screen.getByLabelText('Weight (1–10)'));
    await user.type(screen.getByLabelText('Weight (1–10)'), '5');
    await user.click(screen.getByRole('checkbox', { name: /Train the editors/ }));
    await user.click(screen.getByRole('button', { name: 'Create milestone' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Created “New one”.'));
    expect(calls[0]!.body).toEqual({
      title: 'New one',
      description: null,
      phase: 'internal_network',
      owner: null,
      dueDate: '2026-05-04',
      status: 'planned',
      weight: 5,
      dependsOn: [other.id],
    });
    expect(calls[0]!.headers['Idempotency-Key']).toBeTruthy();
  });

  it('When the server refuses a field, then its message shows on that field', async () => {
    mockFetch({
      [`PATCH ${path}/${base.id}`]: problem(422, 'validation', { errors: [{ path: 'dependsOn.0', message: 'would create a dependency cycle' }] }),
    });
    const { user, onDone } = renderForm(base);
    await user.click(screen.getByRole('checkbox', { name: /Train the editors/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('would create a dependency cycle')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('When the edit is stale (412), then the dialog says who changed what, and Keep my edits puts mine on the new version so the next Save succeeds', async () => {
    const current = { ...base, title: 'Launch the staff chat everywhere', weight: 7, version: 4, updatedAt: '2026-11-29T14:32:00.000Z' };
    const dana = aMember('44444444-4444-4444-8444-444444444444', 'Dana Diaz', 'lead');
    const { calls } = mockFetch({
      [`PATCH ${path}/${base.id}`]: [problem(412, 'precondition-failed'), { status: 200, body: { ...current, title: 'Launch chat', owner: 'Kim', version: 5 } }],
      [`GET ${path}/${base.id}`]: { status: 200, body: current },
      [`GET /plans/${PLAN}/activity`]: listOf([
        { id: '55555555-5555-4555-8555-555555555555', at: current.updatedAt, actor: { id: dana.userId, email: dana.email, name: dana.name }, action: 'update', entity: 'milestone', entityId: base.id, changes: {} },
      ]),
      [`GET /plans/${PLAN}/members`]: listOf([dana]),
    });
    const { user, onDone } = renderForm(base);
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Launch chat');
    await user.type(screen.getByLabelText('Owner (optional)'), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const dialog = await screen.findByRole('dialog', { name: 'Changed by someone else' });
    expect(within(dialog).getByTestId('conflict-who').textContent).toMatch(/^Dana Diaz saved this milestone on 29 Nov 2026, \d\d:\d\d \S+, after you opened it/);
    expect(dialog.textContent).not.toMatch(/version \d/);
    const row = (name: string) => within(dialog).getByRole('row', { name: new RegExp(`^${name}`) }).textContent;
    expect(row('Title')).toContain('Launch the staff chat everywhere');
    expect(row('Title')).toContain('Launch chat');
    expect(row('Title')).toContain('changed by both: yours is kept');
    expect(row('Weight')).toContain('7');
    expect(row('Weight')).toContain('not changed');
    expect(row('Owner')).toContain('Kim');
    expect(calls.find((c) => c.url.includes('/activity'))!.url).toContain(`entityId=${base.id}`);

    await user.click(within(dialog).getByRole('button', { name: 'Keep my edits' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Launch chat');
    expect((screen.getByLabelText('Weight (1–10)') as HTMLInputElement).value).toBe('7');
    expect((screen.getByLabelText('Owner (optional)') as HTMLInputElement).value).toBe('Kim');
    expect(screen.getByRole('status').textContent).toContain('Your edits are now on top of the version saved by Dana Diaz');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save changes' }));

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Saved “Launch chat”.'));
    const retry = calls.filter((c) => c.method === 'PATCH')[1]!;
    expect(retry.headers['If-Match']).toBe('"4"');
    expect(retry.body).toEqual({ title: 'Launch chat', owner: 'Kim' });
  });

  it('When who changed it cannot be read, then the dialog says another user, and Use their version drops my edits', async () => {
    const current = { ...base, weight: 9, version: 4 };
    mockFetch({
      [`PATCH ${path}/${base.id}`]: problem(412, 'precondition-failed'),
      [`GET ${path}/${base.id}`]: { status: 200, body: current },
      [`GET /plans/${PLAN}/activity`]: problem(403, 'forbidden'),
      [`GET /plans/${PLAN}/members`]: listOf([]),
    });
    const { user } = renderForm(base);
    await user.type(screen.getByLabelText('Owner (optional)'), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changed by someone else' });
    expect(within(dialog).getByTestId('conflict-who').textContent).toMatch(/^Another user saved this milestone/);
    await user.click(within(dialog).getByRole('button', { name: 'Use their version' }));
    expect((screen.getByLabelText('Weight (1–10)') as HTMLInputElement).value).toBe('9');
    expect((screen.getByLabelText('Owner (optional)') as HTMLInputElement).value).toBe('');
  });

  it('When Done is chosen while a dependency is open, then Status says which one, takes the focus, and nothing is sent', async () => {
    const { calls } = mockFetch({});
    const { user } = renderForm(other);
    await user.selectOptions(screen.getByLabelText('Status'), 'done');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Cannot be done until “Launch the staff chat” is done.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Status'));
    expect(screen.getByLabelText('Status').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it('When the server refuses Done (409), then the refusal shows on Status in plain words', async () => {
    mockFetch({
      [`PATCH ${path}/${base.id}`]: problem(409, 'unmet-dependency', { detail: 'Cannot be done while 2 dependency(ies) are not done: Hire, Train.' }),
    });
    const { user } = renderForm(base);
    await user.selectOptions(screen.getByLabelText('Status'), 'done');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Cannot be done until “Hire” and “Train” are done.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Status'));
  });

  it('When moving through the dependencies, then the list is one tab stop and arrow keys move between the boxes', async () => {
    mockFetch({});
    const many = Array.from({ length: 5 }, (_, i) => aMilestone({ id: `0000000${i}-0000-4000-8000-000000000000`, title: `Step ${i}` }));
    renderWithQuery(<MilestoneForm planId={PLAN} all={many} onDone={jest.fn()} onCancel={jest.fn()} />);
    const user = userEvent.setup();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    boxes[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(boxes[2]);
    await user.keyboard(' ');
    expect((boxes[2] as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('checkbox').map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1, -1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(boxes[4]);
  });
});
