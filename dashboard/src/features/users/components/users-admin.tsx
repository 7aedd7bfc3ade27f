import { CreateUserSchema, type User } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DataTable } from '../../../components/ui/data-table';
import { Field, FormError } from '../../../components/ui/field';
import { QueryState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/api-client';
import { formatInstant } from '../../../lib/format';
import { applyServerErrors, sharedResolver } from '../../../lib/form';
import { useCreateUser } from '../api/create-user';
import { useUsers } from '../api/get-users';

type Values = { email: string; name: string; password: string; isAdmin: boolean };

export function CreateUserForm() {
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<User | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: sharedResolver(CreateUserSchema, (v: Values) => v),
    defaultValues: { email: '', name: '', password: '', isAdmin: false },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    try {
      const user = await create.mutateAsync(CreateUserSchema.parse(values));
      setCreated(user);
      reset();
    } catch (err) {
      if (!applyServerErrors(err, setError, ['email', 'name', 'password', 'isAdmin'])) setFormError(errorMessage(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Create a user">
      <FormError message={formError} />
      {created ? (
        <p role="status" className="alert alert--success">
          {created.name} ({created.email}) can now sign in. Add them to a plan from its Members page.
        </p>
      ) : null}
      <div className="form-grid">
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
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}

export function UsersTable() {
  const users = useUsers();
  return (
    <QueryState query={users} loadingLabel="Loading users…" isEmpty={(d) => d.length === 0}>
      {(data) => (
        <DataTable<User>
          caption={`Users (${data.length})`}
          rows={data}
          rowKey={(u) => u.id}
          columns={[
            { key: 'name', header: 'Name', rowHeader: true, cell: (u) => u.name },
            { key: 'email', header: 'Email', cell: (u) => u.email },
            { key: 'admin', header: 'Admin', cell: (u) => (u.isAdmin ? 'Yes' : 'No') },
            { key: 'created', header: 'Created', cell: (u) => formatInstant(u.createdAt) },
          ]}
        />
      )}
    </QueryState>
  );
}
