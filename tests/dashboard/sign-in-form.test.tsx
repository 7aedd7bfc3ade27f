import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInForm } from '../../dashboard/src/features/auth/components/sign-in-form';
import { CreatePlanForm, toCreatePlan } from '../../dashboard/src/features/plans/components/create-plan-form';
import { CreatePlanSchema } from '@handover/shared';
import { mockFetch, problem } from './support/fetch';
import { renderWithQuery } from './support/render';

describe('SignInForm', () => {
  it('When the email is not an email, then the field says so and nothing is sent', async () => {
    const { calls } = mockFetch({});
    renderWithQuery(<SignInForm onSignedIn={jest.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('must be an email address')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('When the password is wrong, then a plain message says so', async () => {
    mockFetch({ 'POST /auth/login': problem(401, 'unauthorized', { detail: 'Invalid credentials.' }) });
    const onSignedIn = jest.fn();
    renderWithQuery(<SignInForm onSignedIn={onSignedIn} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'lead@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('do not match an account');
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});

describe('CreatePlanForm', () => {
  it('When targets are given in percent, then the body carries shares and passes the shared schema', () => {
    const body = toCreatePlan({
      name: 'P',
      brand: 'B',
      agencyName: 'A',
      startDate: '2026-01-05',
      targetExitDate: '2026-07-27',
      contractEndDate: '',
      inHouseShare: '85',
      sustainWeeks: '6',
      internalAdoption: '',
      leads: [],
    });
    expect(body).toEqual({
      name: 'P',
      brand: 'B',
      agencyName: 'A',
      startDate: '2026-01-05',
      targetExitDate: '2026-07-27',
      contractEndDate: null,
      targets: { inHouseShare: 0.85, sustainWeeks: 6 },
    });
    expect(CreatePlanSchema.safeParse(body).success).toBe(true);
  });

  it('When the target exit is before the start, then the error shows on the target exit field', async () => {
    mockFetch({});
    renderWithQuery(<CreatePlanForm users={[]} onCreated={jest.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Plan name'), 'P');
    await user.type(screen.getByLabelText('Brand'), 'B');
    await user.type(screen.getByLabelText('Agency'), 'A');
    await user.type(screen.getByLabelText('Start date'), '2026-05-04');
    await user.type(screen.getByLabelText('Target exit date'), '2026-01-05');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(screen.getByLabelText('Target exit date').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must not be before startDate')).toBeTruthy();
  });
});
