import { EmailSchema, LoginSchema } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Field, FormError } from '../../../components/ui/field';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { sharedResolver } from '../../../lib/form';
import { useLogin } from '../api/login';

const SignInSchema = LoginSchema.extend({ email: EmailSchema, password: z.string().min(1, 'must not be empty').max(1024) });
type Values = { email: string; password: string };

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: sharedResolver(SignInSchema, (v: Values) => v),
    defaultValues: { email: '', password: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await login.mutateAsync({ email: values.email.trim(), password: values.password });
      onSignedIn();
    } catch (err) {
      setFormError(
        isApiError(err) && err.status === 401
          ? 'That email and password do not match an account.'
          : isApiError(err) && err.status === 429
            ? 'Too many attempts. Wait a minute and try again.'
            : errorMessage(err),
      );
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormError message={formError} />
      <Field label="Email" error={formState.errors.email?.message}>
        <input type="email" autoComplete="username" {...register('email')} />
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        <input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
