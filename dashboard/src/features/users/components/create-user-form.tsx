import { CreateUserSchema } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useCreateUser } from '../../../api/users/create-user';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type Values = { email: string; name: string; password: string; isAdmin: boolean };

/** Admins create an account; the new user is then given a role in a plan from its Members page. */
export function CreateUserForm() {
  const create = useCreateUser();
  const form = useForm<Values>({
    resolver: sharedResolver(CreateUserSchema, (v: Values) => v),
    defaultValues: { email: '', name: '', password: '', isAdmin: false },
  });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const user = await create.mutateAsync(CreateUserSchema.parse(values));
      form.reset();
      return `${user.name} (${user.email}) can now sign in. Add them to a plan from its Members page.`;
    },
  });
  const { register, formState } = form;
  return (
    <GridForm label="Create a user" submitLabel="Create user" pendingLabel="Creating…" submission={submission}>
      <Field label="Name" error={formState.errors.name?.message}>
        <input autoComplete="off" {...register('name')} />
      </Field>
      <Field label="Email" error={formState.errors.email?.message}>
        <input type="email" autoComplete="off" {...register('email')} />
      </Field>
      <Field label="Initial password" hint="At least 8 characters; share it privately." error={formState.errors.password?.message}>
        <input type="password" autoComplete="new-password" {...register('password')} />
      </Field>
      <label className="field--inline span-all">
        <input type="checkbox" {...register('isAdmin')} /> Administrator (may create plans and users)
      </label>
    </GridForm>
  );
}
