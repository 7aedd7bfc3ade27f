import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreatePlanForm } from '../../dashboard/src/features/plans/components/create-plan-form';
import { PlanSettingsForm } from '../../dashboard/src/features/plans/components/plan-settings-form';
import { mockFetch, problem } from './support/fetch';
import { PLAN, aPlan } from './support/fixtures';
import { renderWithQuery } from './support/render';

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field('Plan name'), 'Second brand');
  await user.type(field('Brand'), 'Contoso');
  await user.type(screen.getByLabelText('Agency', { exact: true }), 'Agency B');
  await user.type(field('Start date'), '2026-02-02');
  await user.type(field('Target exit date'), '2026-08-31');
}

describe('CreatePlanForm', () => {
  it('When the target share is 150% and the weeks 0, then Create shows why on those fields and sends nothing', async () => {
    const { calls } = mockFetch({});
    renderWithQuery(<CreatePlanForm users={[]} onCreated={jest.fn()} />);
    const user = userEvent.setup();
    await fillRequired(user);
    await user.clear(field('Target in-house share (%)'));
    await user.type(field('Target in-house share (%)'), '150');
    await user.clear(field('Weeks to sustain it'));
    await user.type(field('Weeks to sustain it'), '0');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText('must be between 0 and 100')).toBeTruthy();
    expect(screen.getByText('must be at least 1')).toBeTruthy();
    expect(field('Target in-house share (%)').getAttribute('aria-invalid')).toBe('true');
    expect(field('Weeks to sustain it').getAttribute('aria-invalid')).toBe('true');
    // The first refused field takes the focus, so the person lands on it.
    expect(document.activeElement).toBe(field('Target in-house share (%)'));
    expect(calls).toHaveLength(0);
  });

  it('When the targets are valid, then Create sends them as shares and reports the plan created', async () => {
    const { calls } = mockFetch({ 'POST /plans': { status: 201, body: aPlan({ name: 'Second brand' }) } });
    const onCreated = jest.fn();
    renderWithQuery(<CreatePlanForm users={[]} onCreated={onCreated} />);
    const user = userEvent.setup();
    await fillRequired(user);
    await user.clear(field('Target in-house share (%)'));
    await user.type(field('Target in-house share (%)'), '85');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(calls[0]!.body).toMatchObject({ name: 'Second brand', targets: { inHouseShare: 0.85, sustainWeeks: 4, internalAdoption: 0.6 } });
  });
});

describe('PlanSettingsForm', () => {
  it('When a save succeeds and the next one is refused, then the refusal replaces the success notice', async () => {
    const saved = aPlan({ version: 3, targets: { inHouseShare: 0.8, sustainWeeks: 4, internalAdoption: 0.6 } });
    const { calls } = mockFetch({ [`PATCH /plans/${PLAN}`]: { status: 200, body: saved } });
    renderWithQuery(<PlanSettingsForm plan={aPlan()} />);
    const user = userEvent.setup();
    await user.clear(field('Target in-house share (%)'));
    await user.type(field('Target in-house share (%)'), '80');
    await user.click(screen.getByRole('button', { name: 'Save plan settings' }));
    const done = await screen.findByRole('status');
    expect(done.textContent).toBe('Plan settings saved.');
    expect(document.activeElement).toBe(done);

    await user.clear(field('Weeks to sustain it'));
    await user.type(field('Weeks to sustain it'), '0');
    await user.click(screen.getByRole('button', { name: 'Save plan settings' }));
    expect(await screen.findByText('must be at least 1')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('When the server refuses a target, then its message shows on that field in percent', async () => {
    mockFetch({ [`PATCH /plans/${PLAN}`]: problem(422, 'validation-failed', { errors: [{ path: 'targets.internalAdoption', message: 'must be between 0 and 1' }] }) });
    renderWithQuery(<PlanSettingsForm plan={aPlan()} />);
    const user = userEvent.setup();
    await user.clear(field('Plan name'));
    await user.type(field('Plan name'), 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save plan settings' }));
    expect(await screen.findByText('must be between 0 and 100')).toBeTruthy();
    expect(field('Target internal adoption (%)').getAttribute('aria-invalid')).toBe('true');
  });
});
