import { CreateIngestSecretSchema, INGEST_RECEIVERS, INGEST_RECEIVER_LABELS, type CreateIngestSecret, type CreatedIngestSecret, type IngestReceiver } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { useCreateIngestSecret } from '../../../api/ingest-secrets/create-ingest-secret';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type Values = { receiver: IngestReceiver; name: string };
const DEFAULTS: Values = { receiver: 'postiz', name: '' };
const toPayload = (v: Values): CreateIngestSecret => ({ receiver: v.receiver, ...(v.name.trim() ? { name: v.name } : {}) });

/** A new ingest secret: the tool it is for, and a name to tell it from others. */
export function CreateSecretForm({ planId, onCreated }: { planId: string; onCreated: (secret: CreatedIngestSecret) => void }) {
  const create = useCreateIngestSecret(planId);
  const form = useForm<Values>({ resolver: sharedResolver(CreateIngestSecretSchema, toPayload), defaultValues: DEFAULTS });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const created = await create.mutateAsync(toPayload(values));
      form.reset(DEFAULTS);
      onCreated(created);
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Create an ingest secret" submitLabel="Create secret" pendingLabel="Creating…" submission={submission}>
      <Field label="Tool" hint="The secret opens this tool’s receiver only." error={e.receiver?.message}>
        <select {...register('receiver')}>
          {INGEST_RECEIVERS.map((r) => (
            <option key={r} value={r}>
              {INGEST_RECEIVER_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Name (optional)" hint="Which account or workspace sends, e.g. “Postiz, agency workspace”." error={e.name?.message}>
        <input autoComplete="off" {...register('name')} />
      </Field>
    </GridForm>
  );
}
