import type { Milestone } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MilestoneForm } from '../../dashboard/src/features/milestones/components/milestone-form';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aMilestone } from './support/fixtures';
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

  it('When the edit is stale (412), then a dialog shows the current version and Reload puts it in the form', async () => {
    const current = { ...base, title: 'Launch the staff chat everywhere', weight: 7, version: 4 };
    const { calls } = mockFetch({
      [`PATCH ${path}/${base.id}`]: [problem(412, 'precondition-failed'), { status: 200, body: { ...current, owner: 'Kim', version: 5 } }],
      [`GET ${path}/${base.id}`]: { status: 200, body: current },
    });
    const { user, onDone } = renderForm(base);
    await user.type(screen.getByLabelText('Owner (optional)'), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changed by someone else' });
    expect(within(dialog).getByText('Launch the staff chat everywhere')).toBeTruthy();
    expect(within(dialog).getByText(/now version 4/)).toBeTruthy();
    expect(calls[0]!.headers['If-Match']).toBe('"3"');

    await user.click(within(dialog).getByRole('button', { name: 'Reload the current version' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Launch the staff chat everywhere');
    expect((screen.getByLabelText('Weight (1–10)') as HTMLInputElement).value).toBe('7');

    await user.type(screen.getByLabelText('Owner (optional)'), 'Kim');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const retry = calls.filter((c) => c.method === 'PATCH')[1]!;
    expect(retry.headers['If-Match']).toBe('"4"');
    expect(retry.body).toEqual({ owner: 'Kim' });
  });
});
