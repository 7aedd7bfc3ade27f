import { CreateExitItemSchema, EXIT_ITEM_KINDS, EXIT_ITEM_KIND_LABELS, type ExitItem, type ExitItemKind, type Person } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateExitItem } from '../../../api/exit-items/create-exit-item';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { newIdempotencyKey } from '../../../lib/api-client';
import { blankToNull, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { EVIDENCE_HINT } from './evidence-form';

export type NewExitItemValues = { kind: ExitItemKind; name: string; channel: string; owner: string; dueDate: string; evidence: string; evidenceUrl: string };

export const toCreateExitItem = (v: NewExitItemValues) => ({
  kind: v.kind,
  name: v.name,
  channel: blankToNull(v.channel),
  owner: blankToNull(v.owner),
  dueDate: blankToNull(v.dueDate),
  evidence: blankToNull(v.evidence),
  evidenceUrl: blankToNull(v.evidenceUrl),
});

const DEFAULTS: NewExitItemValues = { kind: 'social_account', name: '', channel: '', owner: '', dueDate: '', evidence: '', evidenceUrl: '' };

/**
 * Adds an item to the checklist (with an Idempotency-Key, so a retry adds it once). The owner is
 * one of the plan's people; a refusal shows by the field it names (e.g. evidence that looks like a
 * credential, by the evidence).
 */
export function NewExitItemForm({ planId, people, onCreated }: { planId: string; people: Person[]; onCreated: (item: ExitItem) => void }) {
  const create = useCreateExitItem(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<NewExitItemValues>({ resolver: sharedResolver(CreateExitItemSchema, toCreateExitItem), defaultValues: DEFAULTS });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const item = await create.mutateAsync({ body: toCreateExitItem(values), key });
      form.reset(DEFAULTS);
      setKey(newIdempotencyKey());
      onCreated(item);
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Add an item to the checklist" submitLabel="Add item" pendingLabel="Adding…" submission={submission}>
      <Field label="Kind" error={e.kind?.message}>
        <select {...register('kind')}>
          <Options values={EXIT_ITEM_KINDS} label={(k) => EXIT_ITEM_KIND_LABELS[k].one} />
        </select>
      </Field>
      <Field label="Name" hint="e.g. Instagram @northwind" error={e.name?.message}>
        <input autoComplete="off" {...register('name')} />
      </Field>
      <Field label="Channel (optional)" error={e.channel?.message}>
        <input autoComplete="off" {...register('channel')} />
      </Field>
      <Field label="Owner (optional)" hint={people.length ? 'Who in the team will own it.' : 'Add people on the Skills & people page to name an owner.'} error={e.owner?.message}>
        <select {...register('owner')}>
          <option value="">No owner yet</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Due date (optional)" hint="When it should be verified." error={e.dueDate?.message}>
        <input type="date" {...register('dueDate')} />
      </Field>
      <Field label="Evidence note (optional)" hint={EVIDENCE_HINT} error={e.evidence?.message} className="span-all">
        <textarea rows={2} {...register('evidence')} />
      </Field>
      <Field label="Evidence link (optional)" hint="An http(s) link without a user name or password." error={e.evidenceUrl?.message} className="span-all">
        <input type="url" inputMode="url" autoComplete="off" {...register('evidenceUrl')} />
      </Field>
    </GridForm>
  );
}
