import { CreateExitItemSchema, EXIT_ITEM_KINDS, EXIT_ITEM_KIND_LABELS, UpdateExitItemSchema, type ExitItem, type Person } from '@handover/shared';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateExitItem } from '../../../api/exit-items/create-exit-item';
import { useUpdateExitItem } from '../../../api/exit-items/update-exit-item';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { isApiError, newIdempotencyKey } from '../../../lib/api-client';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { EMPTY_EXIT_ITEM, itemToValues, toCreateExitItem, toUpdateExitItem, type ExitItemValues } from '../utils/exit-item-values';
import { EVIDENCE_HINT } from './evidence-form';

/**
 * Adds an item to the checklist (with an Idempotency-Key, so a retry adds it once), or, for leads,
 * edits one: only the changed fields, with If-Match on the version on screen (a newer one: 412,
 * the checklist shows it). The owner is one of the plan's people; a refusal shows by the field it
 * names (e.g. evidence that looks like a credential, by the evidence).
 */
export function ExitItemForm({
  planId,
  people,
  item,
  onDone,
  onCancel,
  onStale,
}: {
  planId: string;
  people: Person[];
  item?: ExitItem;
  onDone: (text: string) => void;
  onCancel?: () => void;
  onStale?: (text: string) => void;
}) {
  const create = useCreateExitItem(planId);
  const update = useUpdateExitItem(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const defaults = item ? itemToValues(item) : EMPTY_EXIT_ITEM;
  const form = useForm<ExitItemValues>({
    resolver: item ? sharedResolver(UpdateExitItemSchema, (v: ExitItemValues) => toUpdateExitItem(v, item)) : sharedResolver(CreateExitItemSchema, toCreateExitItem),
    defaultValues: defaults,
  });
  const { setFocus } = form;
  const isEdit = item !== undefined;
  // Opened by a button: the focus starts in the form (once, not at each refresh of the item).
  useEffect(() => setFocus(isEdit ? 'name' : 'kind'), [setFocus, isEdit]);
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      if (!item) {
        const created = await create.mutateAsync({ body: toCreateExitItem(values), key });
        form.reset(EMPTY_EXIT_ITEM);
        setKey(newIdempotencyKey());
        return onDone(`Added “${created.name}” to the checklist.`);
      }
      const body = toUpdateExitItem(values, item);
      if (Object.keys(body).length === 0) return onDone(`Nothing to save: “${item.name}” is unchanged.`);
      try {
        const saved = await update.mutateAsync({ id: item.id, version: item.version, body });
        onDone(`Saved “${saved.name}”.`);
      } catch (err) {
        if (onStale && isApiError(err) && (err.status === 412 || err.status === 404))
          return onStale(
            err.status === 412
              ? `Someone else changed “${item.name}” after you opened it; the checklist now shows their version. Edit it again if needed.`
              : `“${item.name}” was deleted by someone else.`,
          );
        throw err;
      }
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm
      label={item ? `Edit ${item.name}` : 'Add an item to the checklist'}
      submitLabel={item ? 'Save item' : 'Add item'}
      pendingLabel={item ? 'Saving…' : 'Adding…'}
      submission={submission}
      actions={
        onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : undefined
      }
    >
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
      <Field label="Due date (optional)" hint="When it should be verified; the exit is dated from these." error={e.dueDate?.message}>
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
