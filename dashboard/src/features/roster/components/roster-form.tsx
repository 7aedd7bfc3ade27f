import { CreateRosterEntrySchema, SOURCE_LABELS, UpdateRosterEntrySchema, type RosterEntry } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateRosterEntry } from '../../../api/roster/create-roster-entry';
import { useUpdateRosterEntry } from '../../../api/roster/update-roster-entry';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { isApiError, newIdempotencyKey } from '../../../lib/api-client';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { KIND_LABELS, entryToValues, kindsFor, sidesFor, toCreateRosterEntry, toUpdateRosterEntry, type RosterAccess, type RosterValues } from '../utils/roster';

const FIELDS = ['kind', 'match', 'side', 'from', 'to', 'note'];

/**
 * Add a roster entry, or edit one (sent with the version it was read at: a newer one on the
 * server is refused with 412, and the list is reloaded to show it). Agency staff add authors on
 * the agency side only, so those two choices have one option for them.
 */
export function RosterForm({
  planId,
  access,
  entry,
  onDone,
  onCancel,
  onStale,
}: {
  planId: string;
  access: RosterAccess;
  entry?: RosterEntry;
  onDone: (text: string) => void;
  onCancel: () => void;
  /** The entry changed (or went) since it was read: the view reloads and says so. */
  onStale: (text: string) => void;
}) {
  const create = useCreateRosterEntry(planId);
  const update = useUpdateRosterEntry(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const kinds = kindsFor(access);
  const sides = sidesFor(access);
  const defaults: RosterValues = entry ? entryToValues(entry) : { kind: kinds[0] ?? 'author', match: '', side: sides[0] ?? 'agency', from: '', to: '', note: '' };
  const form = useForm<RosterValues>({
    resolver: entry ? sharedResolver(UpdateRosterEntrySchema, (v: RosterValues) => toUpdateRosterEntry(v, entry)) : sharedResolver(CreateRosterEntrySchema, toCreateRosterEntry),
    defaultValues: defaults,
  });
  const submission = useFormSubmit(form, {
    fields: FIELDS,
    submit: async (values) => {
      if (!entry) {
        const created = await create.mutateAsync({ body: toCreateRosterEntry(values), key });
        setKey(newIdempotencyKey());
        form.reset(defaults);
        onDone(`Added “${created.match}” to the roster as ${SOURCE_LABELS[created.side].toLowerCase()}.`);
        return;
      }
      const body = toUpdateRosterEntry(values, entry);
      if (Object.keys(body).length === 0) return onDone('Nothing to save: the entry is unchanged.');
      try {
        const saved = await update.mutateAsync({ id: entry.id, version: entry.version, body });
        onDone(`Saved “${saved.match}”. Posts it classifies are counted again.`);
      } catch (err) {
        if (isApiError(err) && (err.status === 412 || err.status === 404))
          return onStale(
            err.status === 412
              ? `Someone else changed “${entry.match}” after you opened it; the list now shows their version. Edit it again if needed.`
              : `“${entry.match}” was deleted by someone else.`,
          );
        throw err;
      }
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm
      label={entry ? `Edit “${entry.match}”` : 'Add to the roster'}
      submitLabel={entry ? 'Save entry' : 'Add entry'}
      pendingLabel="Saving…"
      submission={submission}
      actions={
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      }
    >
      <Field label="Kind" hint={access.mode === 'own' ? 'Agency staff add authors.' : 'An author, or an account or network that publishes.'} error={e.kind?.message}>
        <select {...register('kind')}>
          <Options values={kinds} label={(k) => KIND_LABELS[k]} />
        </select>
      </Field>
      <Field label="Match" hint="An email or name; a page id, @handle or account name; or a network such as instagram." error={e.match?.message}>
        <input autoComplete="off" {...register('match')} />
      </Field>
      <Field label="Side" hint={access.mode === 'own' ? 'Agency staff add their own side.' : undefined} error={e.side?.message}>
        <select {...register('side')}>
          <Options values={sides} label={(s) => SOURCE_LABELS[s]} />
        </select>
      </Field>
      <Field label="From (optional)" hint="The first day it applies." error={e.from?.message}>
        <input type="date" {...register('from')} />
      </Field>
      <Field label="To (optional)" hint="The last day it applies, e.g. the day an account was handed over." error={e.to?.message}>
        <input type="date" {...register('to')} />
      </Field>
      <Field label="Note (optional)" error={e.note?.message}>
        <input autoComplete="off" {...register('note')} />
      </Field>
    </GridForm>
  );
}
