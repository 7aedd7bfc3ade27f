import { CreateMilestoneSchema, MilestoneStatusSchema, PHASES, PHASE_LABELS, UpdateMilestoneSchema, type Milestone } from '@handover/shared';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { getActivity } from '../../../api/activity/get-activity';
import { useCreateMilestone } from '../../../api/milestones/create-milestone';
import { useDeleteMilestone } from '../../../api/milestones/delete-milestone';
import { getMilestone } from '../../../api/milestones/get-milestone';
import { useUpdateMilestone } from '../../../api/milestones/update-milestone';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { errorMessage, isApiError, newIdempotencyKey } from '../../../lib/api-client';
import { humanize } from '../../../lib/format';
import { sharedResolver } from '../../../lib/form';
import { doneWaitsFor } from '../../../lib/messages';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { conflictRows, rebase } from '../utils/conflict';
import { emptyMilestoneValues, milestoneToValues, openDependencies, toCreateMilestone, toUpdateMilestone, type MilestoneFormValues } from '../utils/milestones';
import { ConflictDialog, type Conflict } from './conflict-dialog';
import { DependenciesField } from './dependencies-field';

type Props = {
  planId: string;
  /** The milestone being edited; absent when creating. */
  milestone?: Milestone;
  all: Milestone[];
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** The version the edit started from, the one saved since, and what the user typed. */
type OpenConflict = Conflict & { from: Milestone; current: Milestone; mine: MilestoneFormValues };

/** Create or edit a milestone; a stale edit (412) opens a dialog that shows what changed and resolves it. */
export function MilestoneForm({ planId, milestone, all, onDone, onCancel }: Props) {
  const [base, setBase] = useState<Milestone | undefined>(milestone);
  const [conflict, setConflict] = useState<OpenConflict | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateMilestone(planId);
  const update = useUpdateMilestone(planId);
  const remove = useDeleteMilestone(planId);
  const rootRef = useRef<HTMLDivElement>(null);
  const editing = base !== undefined;
  const titleOf = (id: string) => all.find((m) => m.id === id)?.title ?? 'a removed milestone';

  // The resolver reads the base through a ref: after a conflict it must diff against the new version.
  const baseRef = useRef(base);
  baseRef.current = base;
  const [resolver] = useState(() =>
    milestone
      ? sharedResolver(UpdateMilestoneSchema, (v: MilestoneFormValues) => toUpdateMilestone(v, baseRef.current ?? milestone))
      : sharedResolver(CreateMilestoneSchema, toCreateMilestone),
  );
  const form = useForm<MilestoneFormValues>({ resolver, defaultValues: base ? milestoneToValues(base) : emptyMilestoneValues() });
  const { register, formState, reset, watch, setError } = form;
  const errors = formState.errors;

  // "Done" is refused while a dependency is open (docs/domain.md#milestones): said on Status, which takes the focus.
  const refuseDone = (message: string) => setError('status', { type: 'dependency', message }, { shouldFocus: true });

  /** Who saved the milestone last and when, from its newest activity entry; null when that cannot be read. */
  const lastChange = async (id: string): Promise<{ who: string; at: string } | null> => {
    try {
      const entry = (await getActivity(planId, { entity: 'milestone', entityId: id }, 0, 1)).items[0];
      return entry ? { who: entry.actor.name, at: entry.at } : null;
    } catch {
      return null;
    }
  };

  const openConflict = async (from: Milestone, mine: MilestoneFormValues) => {
    const [current, last] = await Promise.all([getMilestone(planId, from.id), lastChange(from.id)]);
    setConflict({ from, current, mine, rows: conflictRows(from, current, mine, titleOf), who: last?.who ?? null, at: last?.at ?? current.updatedAt });
  };

  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const body = base ? toUpdateMilestone(values, base) : toCreateMilestone(values);
      // Said before asking when the status becomes done; new dependencies of a milestone already done are
      // left to the server, which first refuses a cycle (422), then an open dependency (409, shown on Status too).
      if (values.status === 'done' && (!base || 'status' in body)) {
        const open = openDependencies({ dependsOn: values.dependsOn }, all);
        if (open.length) return refuseDone(doneWaitsFor(open.map((m) => m.title)));
      }
      try {
        if (!base) {
          const saved = await create.mutateAsync({ body: toCreateMilestone(values), key: idempotencyKey });
          return onDone(`Created “${saved.title}”.`);
        }
        if (Object.keys(body).length === 0) return onDone('Nothing changed.');
        const saved = await update.mutateAsync({ id: base.id, version: base.version, body });
        onDone(`Saved “${saved.title}”.`);
      } catch (err) {
        if (isApiError(err) && err.code === 'unmet-dependency') return refuseDone(err.message);
        if (!(base && isApiError(err) && err.status === 412)) throw err;
        await openConflict(base, values);
      }
    },
  });

  const resolveConflict = (values: MilestoneFormValues, text: string) => {
    if (!conflict) return;
    setBase(conflict.current);
    reset(values);
    setConflict(null);
    submission.setNotice({ kind: 'info', text });
  };
  const who = conflict?.who ?? 'the other person';
  const handleKeep = () =>
    conflict && resolveConflict(rebase(conflict.from, conflict.current, conflict.mine), `Your edits are now on top of the version saved by ${who}. Check them, then save.`);
  const handleUseTheirs = () => conflict && resolveConflict(milestoneToValues(conflict.current), `Showing the version saved by ${who}; your edits were dropped.`);

  const handleDelete = async () => {
    if (!base) return;
    try {
      await remove.mutateAsync({ id: base.id, version: base.version });
      setConfirmDelete(false);
      onDone(`Deleted “${base.title}”.`);
    } catch (err) {
      setConfirmDelete(false);
      submission.setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  return (
    <div ref={rootRef}>
      <GridForm
        label={editing ? 'Edit milestone' : 'New milestone'}
        submitLabel={editing ? 'Save changes' : 'Create milestone'}
        pendingLabel="Saving…"
        submission={submission}
        actions={
          <>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            {editing ? (
              <button type="button" className="button--danger" onClick={() => setConfirmDelete(true)} style={{ marginLeft: 'auto' }}>
                Delete
              </button>
            ) : null}
          </>
        }
      >
        <Field label="Title" error={errors.title?.message} className="span-all">
          <input {...register('title')} />
        </Field>
        <Field label="Phase" error={errors.phase?.message}>
          <select {...register('phase')}>
            <Options values={PHASES} label={(p) => PHASE_LABELS[p]} />
          </select>
        </Field>
        <Field label="Due date" error={errors.dueDate?.message}>
          <input type="date" {...register('dueDate')} />
        </Field>
        <Field label="Status" error={errors.status?.message}>
          <select {...register('status')}>
            <Options values={MilestoneStatusSchema.options} label={humanize} />
          </select>
        </Field>
        <Field label="Weight (1–10)" error={errors.weight?.message}>
          <input type="number" min={1} max={10} step={1} inputMode="numeric" {...register('weight')} />
        </Field>
        <Field label="Owner (optional)" error={errors.owner?.message}>
          <input {...register('owner')} />
        </Field>
        <Field label="Description (optional)" error={errors.description?.message} className="span-all">
          <textarea rows={3} {...register('description')} />
        </Field>
        <DependenciesField all={all} selfId={base?.id} selected={watch('dependsOn') ?? []} register={register} error={errors.dependsOn?.message} />
      </GridForm>

      <ConflictDialog
        conflict={conflict}
        onKeep={handleKeep}
        onUseTheirs={handleUseTheirs}
        returnFocus={() => rootRef.current?.querySelector<HTMLElement>('button[type="submit"]')}
      />

      <Dialog
        open={confirmDelete}
        title="Delete this milestone?"
        onClose={() => setConfirmDelete(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
            <button type="button" className="button--danger" onClick={() => void handleDelete()} disabled={remove.isPending}>
              Delete
            </button>
          </>
        }
      >
        <p>“{base?.title}” will be removed from the plan. This cannot be undone.</p>
      </Dialog>
    </div>
  );
}
