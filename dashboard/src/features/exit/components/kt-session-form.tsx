import { CreateKtSessionSchema, KT_METHOD_LABELS, KtMethodSchema, type KtMethod, type KtSession } from '@handover/shared';
import { useState } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { useCreateKtSession } from '../../../api/kt-sessions/create-kt-session';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { newIdempotencyKey } from '../../../lib/api-client';
import { todayIso } from '../../../lib/format';
import { blankToNull, sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

export type KtValues = {
  date: string;
  topic: string;
  method: KtMethod;
  givenBy: string;
  attendees: string[];
  handoverIds: string[];
  skillIds: string[];
  materialsUrl: string;
  notes: string;
};

export const toCreateKtSession = (v: KtValues) => ({
  date: v.date,
  topic: v.topic,
  method: v.method,
  givenBy: v.givenBy,
  attendees: v.attendees,
  handoverIds: v.handoverIds,
  skillIds: v.skillIds,
  materialsUrl: blankToNull(v.materialsUrl),
  notes: blankToNull(v.notes),
});

type Choice = { id: string; name: string };
type ListName = 'attendees' | 'handoverIds' | 'skillIds';

/** A named set of checkboxes (people, handovers or skills); none to choose from says so. */
function Choices({ legend, name, choices, none, register, error }: { legend: string; name: ListName; choices: Choice[]; none: string; register: UseFormRegister<KtValues>; error?: string }) {
  return (
    <fieldset className="span-all">
      <legend>{legend}</legend>
      {choices.length === 0 ? (
        <p className="muted small">{none}</p>
      ) : (
        <div className="checklist kt-choices">
          {choices.map((c) => (
            <label key={c.id} className="field--inline">
              <input type="checkbox" value={c.id} {...register(name)} />
              <span>{c.name}</span>
            </label>
          ))}
        </div>
      )}
      {error ? <span className="field__error">{error}</span> : null}
    </fieldset>
  );
}

/** Records a knowledge-transfer session (with an Idempotency-Key, so a retry records it once). */
export function KtSessionForm({
  planId,
  people,
  handovers,
  skills,
  onCreated,
}: {
  planId: string;
  people: Choice[];
  handovers: Choice[];
  skills: Choice[];
  onCreated: (session: KtSession) => void;
}) {
  const create = useCreateKtSession(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const defaults: KtValues = { date: todayIso(), topic: '', method: 'workshop', givenBy: '', attendees: [], handoverIds: [], skillIds: [], materialsUrl: '', notes: '' };
  const form = useForm<KtValues>({ resolver: sharedResolver(CreateKtSessionSchema, toCreateKtSession), defaultValues: defaults });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const session = await create.mutateAsync({ body: toCreateKtSession(values), key });
      form.reset(defaults);
      setKey(newIdempotencyKey());
      onCreated(session);
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Record a knowledge-transfer session" submitLabel="Record session" pendingLabel="Recording…" submission={submission}>
      <Field label="Date" error={e.date?.message}>
        <input type="date" {...register('date')} />
      </Field>
      <Field label="Topic" hint="e.g. Community replies on Instagram" error={e.topic?.message}>
        <input autoComplete="off" {...register('topic')} />
      </Field>
      <Field label="Method" error={e.method?.message}>
        <select {...register('method')}>
          <Options values={KtMethodSchema.options} label={(m) => KT_METHOD_LABELS[m]} />
        </select>
      </Field>
      <Field label="Given by" hint="As written, e.g. an agency person’s name." error={e.givenBy?.message}>
        <input autoComplete="off" {...register('givenBy')} />
      </Field>
      <Choices legend="Attendees (optional)" name="attendees" choices={people} none="No people on the plan yet." register={register} error={e.attendees?.message} />
      <Choices legend="Handovers it served (optional)" name="handoverIds" choices={handovers} none="No handovers logged yet." register={register} error={e.handoverIds?.message} />
      <Choices legend="Skills it served (optional)" name="skillIds" choices={skills} none="No skills defined yet." register={register} error={e.skillIds?.message} />
      <Field label="Materials link (optional)" hint="An http(s) link without a user name or password." error={e.materialsUrl?.message} className="span-all">
        <input type="url" inputMode="url" autoComplete="off" {...register('materialsUrl')} />
      </Field>
      <Field label="Notes (optional)" error={e.notes?.message} className="span-all">
        <textarea rows={2} {...register('notes')} />
      </Field>
    </GridForm>
  );
}
