import { EmailSchema, LoginSchema } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useLogin } from '../../../api/auth/login';
import { Field } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { SubmitButton } from '../../../components/ui/submit-button';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

const SignInSchema = LoginSchema.extend({ email: EmailSchema, password: z.string().min(1, 'must not be empty').max(1024) });
type Values = { email: string; password: string };

const signInError = (err: unknown): string =>
  isApiError(err) && err.status === 401
    ? 'That email and password do not match an account.'
    : isApiError(err) && err.status === 429
      ? 'Too many attempts. Wait a minute and try again.'
      : errorMessage(err);

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const form = useForm<Values>({ resolver: sharedResolver(SignInSchema, (v: Values) => v), defaultValues: { email: '', password: '' } });
  const { onSubmit, notice } = useFormSubmit(form, {
    // The server's reasons stay above the form: a field error here would hint which part was wrong.
    fields: [],
    errorText: signInError,
    submit: async (values) => {
      await login.mutateAsync({ email: values.email.trim(), password: values.password });
      onSignedIn();
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <Notice notice={notice} />
      <Field label="Email" error={formState.errors.email?.message}>
        <input type="email" autoComplete="username" {...register('email')} />
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        <input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <SubmitButton pending={formState.isSubmitting} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
