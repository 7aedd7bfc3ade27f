import { CreateMilestoneSchema, MilestoneStatusSchema, PHASES, PHASE_LABELS, UpdateMilestoneSchema, type Milestone } from '@handover/shared';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
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
import { useFormSubmit } from '../../../lib/use-form-submit';
import { emptyMilestoneValues, milestoneToValues, toCreateMilestone, toUpdateMilestone, type MilestoneFormValues } from '../utils/milestones';
import { ConflictDialog } from './conflict-dialog';
import { DependenciesField } from './dependencies-field';

type Props = {
  planId: string;
  /** The milestone being edited; absent when creating. */
  milestone?: Milestone;
  all: Milestone[];
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Create or edit a milestone; a stale edit (412) opens a dialog with the current version. */
export function MilestoneForm({ planId, milestone, all, onDone, onCancel }: Props) {
  const [base, setBase] = useState<Milestone | undefined>(milestone);
  const [conflict, setConflict] = useState<Milestone | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateMilestone(planId);
  const update = useUpdateMilestone(planId);
  const remove = useDeleteMilestone(planId);
  const editing = base !== undefined;

  // The resolver reads the base through a ref: after a reload (412) it must diff against the new version.
  const baseRef = useRef(base);
  baseRef.current = base;
  const [resolver] = useState(() =>
    milestone
      ? sharedResolver(UpdateMilestoneSchema, (v: MilestoneFormValues) => toUpdateMilestone(v, baseRef.current ?? milestone))
      : sharedResolver(CreateMilestoneSchema, toCreateMilestone),
  );
  const form = useForm<MilestoneFormValues>({ resolver, defaultValues: base ? milestoneToValues(base) : emptyMilestoneValues() });
  const { register, formState, reset, watch } = form;
  const errors = formState.errors;

  const submission = useFormSubmit(form, {
    submit: async (values) => {
      if (!base) {
        const saved = await create.mutateAsync({ body: toCreateMilestone(values), key: idempotencyKey });
        return onDone(`Created “${saved.title}”.`);
      }
      const body = toUpdateMilestone(values, base);
      if (Object.keys(body).length === 0) return onDone('Nothing changed.');
      try {
        const saved = await update.mutateAsync({ id: base.id, version: base.version, body });
        onDone(`Saved “${saved.title}”.`);
      } catch (err) {
        if (!(isApiError(err) && err.status === 412)) throw err;
        setConflict(await getMilestone(planId, base.id));
      }
    },
  });

  const handleReload = () => {
    if (!conflict) return;
    setBase(conflict);
    reset(milestoneToValues(conflict));
    setConflict(null);
    submission.setNotice(null);
  };

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
    <>
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

      <ConflictDialog current={conflict} onKeep={() => setConflict(null)} onReload={handleReload} />

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
    </>
  );
}
