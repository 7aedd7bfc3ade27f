import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, CreateApiTokenSchema, type CreatedApiToken, type Plan } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useCreateToken } from '../../../api/tokens/create-token';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { toCreateToken, type TokenValues } from '../utils/scope';

const DEFAULTS: TokenValues = { name: '', expiresInDays: String(API_TOKEN_DEFAULT_DAYS), planId: '' };

/** A new API token: a name, days until it expires, and optionally one plan where it may only record posts. */
export function CreateTokenForm({ plans, onCreated }: { plans: readonly Plan[]; onCreated: (token: CreatedApiToken) => void }) {
  const create = useCreateToken();
  const form = useForm<TokenValues>({ resolver: sharedResolver(CreateApiTokenSchema, toCreateToken, scopesOnPlan), defaultValues: DEFAULTS });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const token = await create.mutateAsync(toCreateToken(values));
      form.reset(DEFAULTS);
      onCreated(token);
    },
    fields: ['name', 'expiresInDays', 'planId'],
    place: scopesOnPlan,
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Create an API token" submitLabel="Create token" pendingLabel="Creating…" submission={submission}>
      <Field label="Name" hint="What uses it, e.g. “Nightly posts import”." error={e.name?.message}>
        <input autoComplete="off" {...register('name')} />
      </Field>
      <Field label="Expires after (days)" hint={`1 to ${API_TOKEN_MAX_DAYS}; it stops working then.`} error={e.expiresInDays?.message}>
        <input type="number" min={1} max={API_TOKEN_MAX_DAYS} inputMode="numeric" {...register('expiresInDays')} />
      </Field>
      <Field label="What it may do" hint="A token for one plan may only record and import posts there, as your role allows." error={e.planId?.message}>
        <select {...register('planId')}>
          <option value="">All my access</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              Record and import posts in {p.name}
            </option>
          ))}
        </select>
      </Field>
    </GridForm>
  );
}

/** The scope is chosen with the plan: a refusal of `scopes` shows on that field. */
function scopesOnPlan(path: string, message: string) {
  return path === 'scopes' || path.startsWith('scopes.') ? { field: 'planId', message } : null;
}
